import type { StatisticsDictionary } from './types.js';

export const statisticsRu: StatisticsDictionary = {
  'stats.title': 'Статистика',
  'stats.subtitle': 'Подписчики, охват, просмотры и вовлечённость вашего аккаунта Instagram по дням.',
  'stats.noAccount': 'Подключите аккаунт Instagram, чтобы увидеть его статистику.',
  'stats.connect': 'Подключить аккаунт',
  'stats.lag':
    'Данные Meta могут запаздывать на {hours} ч: последние два дня ещё могут вырасти. Сутки считаются от полуночи до полуночи по тихоокеанскому времени, как у Meta.',
  'stats.noData': 'За этот период данных пока нет',
  'stats.periodDays': 'Дней с данными: {known} из {days}',
  'stats.unknown': 'Неизвестно',
  'stats.howComputed': 'Как это считается',
  'stats.updatedAt': 'Последнее чтение из Meta: {time}',
  'stats.neverRead': 'Данные из Meta ещё не прочитаны: нажмите «Обновить из Meta».',

  'stats.account': 'Аккаунт',
  'stats.range': 'Период',
  'stats.lastDays': '{count} дней',
  'stats.from': 'С',
  'stats.to': 'По',
  'stats.granularity': 'Группировать',
  'stats.by.day': 'По дням',
  'stats.by.week': 'По неделям',
  'stats.by.month': 'По месяцам',

  'stats.refresh.button': 'Обновить из Meta',
  'stats.refresh.hint': 'Заново читает из Meta последние дни: {days}',
  'stats.refresh.reading': 'Читаем из Meta дни: {days}…',
  'stats.refresh.slow':
    'Всё ещё читаем из Meta дни: {days}; страница обновится сама, когда всё будет готово.',
  'stats.refresh.done': 'Обновлено: прочитано дней из Meta: {days}.',
  'stats.csv.series': 'Скачать CSV',
  'stats.csv.topPosts': 'Скачать CSV',

  'stats.chart.followers': 'Подписчики',
  'stats.chart.reach': 'Охват',
  'stats.chart.views': 'Просмотры',
  'stats.chart.engagementRate': 'Вовлечённость',
  'stats.followersFrom':
    'Число подписчиков известно только с первого чтения профиля в Relaydesk ({period}): Meta не хранит историю этого числа.',
  'stats.followersNone':
    'За этот период число подписчиков неизвестно: Relaydesk записывает его с того дня, когда впервые прочитал профиль, а Meta не хранит его историю.',

  'stats.formula.engagementRate':
    'Все взаимодействия за день (лайки, комментарии, репосты, сохранения, ответы), делённые на число подписчиков в этот день. За неделю, месяц или весь период: взаимодействия дней, где известны оба числа, делённые на сумму подписчиков этих дней.',
  'stats.formula.postEngagementRate':
    'Все взаимодействия с публикацией, делённые на охваченные аккаунты; неизвестно, пока неизвестно одно из чисел или охват равен 0.',
  'stats.formula.followerGrowth':
    'График показывает последнее известное число подписчиков в каждом периоде. Прирост — число в последний день минус число накануне начала периода; неизвестен, если одного из замеров нет.',
  'stats.formula.periodValues':
    'Неделя, месяц или период складывают дни, у которых есть значение (неизвестно, если такого дня нет). Охват считает уникальные аккаунты за день, поэтому сумма учитывает аккаунт один раз за каждый день, когда он был охвачен.',

  'stats.totals.title': 'Итоги за {range}',
  'stats.totals.days': 'Дней с данными: {known} из {days}',
  'stats.metric.followers': 'Подписчики',
  'stats.metric.followerGrowth': 'Прирост подписчиков',
  'stats.metric.reach': 'Охват',
  'stats.metric.views': 'Просмотры',
  'stats.metric.accountsEngaged': 'Вовлечённые аккаунты',
  'stats.metric.totalInteractions': 'Взаимодействия',
  'stats.metric.likes': 'Лайки',
  'stats.metric.comments': 'Комментарии',
  'stats.metric.shares': 'Репосты',
  'stats.metric.saves': 'Сохранения',
  'stats.metric.replies': 'Ответы',
  'stats.metric.profileLinksTaps': 'Нажатия на ссылки профиля',
  'stats.metric.engagementRate': 'Вовлечённость',

  'stats.top.title': 'Лучшие публикации',
  'stats.top.metric': 'Сортировать по',
  'stats.top.type': 'Тип публикации',
  'stats.top.type.all': 'Все',
  'stats.top.type.FEED': 'Посты',
  'stats.top.type.REELS': 'Reels',
  'stats.top.type.STORY': 'Истории',
  'stats.top.post': 'Публикация',
  'stats.top.empty':
    'Ни у одной публикации этого периода ещё нет значения этого показателя. Новые публикации читаются в течение нескольких часов.',

  'stats.post.title': 'Статистика публикации',
  'stats.post.close': 'Закрыть',
  'stats.post.open': 'Открыть в Instagram',
  'stats.post.noImage': 'Нет фото',
  'stats.post.noCaption': 'Без подписи',
  'stats.post.observedAt': 'Прочитано из Meta: {time}.',
  'stats.post.nextRefreshAt': 'Следующее чтение: {time}.',
  'stats.post.kind.photo': 'Фото',
  'stats.post.kind.video': 'Видео',
  'stats.post.kind.carousel': 'Карусель',
  'stats.post.kind.reel': 'Reels',
  'stats.post.kind.story': 'История',
  'stats.post.metric.views': 'Просмотры',
  'stats.post.metric.reach': 'Охват',
  'stats.post.metric.likes': 'Лайки',
  'stats.post.metric.comments': 'Комментарии',
  'stats.post.metric.saved': 'Сохранения',
  'stats.post.metric.shares': 'Репосты',
  'stats.post.metric.totalInteractions': 'Взаимодействия',
  'stats.post.metric.replies': 'Ответы',
  'stats.post.metric.avgWatchTimeMs': 'Среднее время просмотра',
  'stats.post.metric.tapsForward': 'Переходы вперёд',
  'stats.post.metric.tapsBack': 'Переходы назад',
  'stats.post.metric.exits': 'Выходы',
  'stats.post.metric.engagementRate': 'Вовлечённость',
  'stats.status.pending':
    'Ещё не прочитано: Relaydesk читает статистику новой публикации в течение нескольких часов после синхронизации.',
  'stats.status.ok':
    'Прочитано из Meta. В первые дни публикация перечитывается каждые несколько часов, потом раз в неделю.',
  'stats.status.not_enough_viewers':
    'Meta скрывает эти числа: историю видели меньше 5 аккаунтов. Они неизвестны, а не равны нулю.',
  'stats.status.unavailable':
    'Meta не отдаёт статистику этой публикации (например, она вышла до того, как аккаунт стал бизнес-аккаунтом или аккаунтом автора). Числа неизвестны, а не равны нулю.',

  'stats.home.title': 'Instagram',
  'stats.home.followers': 'Подписчики',
  'stats.home.messagesToday': 'Сообщений сегодня',
  'stats.home.postsThisWeek': 'Публикаций за неделю',
  'stats.home.followersUnknown': 'Подписчики считаются с первого чтения профиля.',
  'stats.home.open': 'Открыть статистику',

  'error.invalid_date_range': 'Период задан неверно: его начало не может быть позже конца.',
  'error.statistics_unavailable':
    'Сейчас нельзя прочитать Instagram этого аккаунта: он отключён, его токен истёк или это подключение Chatrace. Переподключите его на странице «Аккаунты».',
};
