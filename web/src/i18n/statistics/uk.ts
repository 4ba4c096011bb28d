import type { StatisticsDictionary } from './types.js';

export const statisticsUk: StatisticsDictionary = {
  'stats.title': 'Статистика',
  'stats.subtitle': 'Підписники, охоплення, перегляди та залученість вашого акаунта Instagram день за днем.',
  'stats.noAccount': 'Підключіть акаунт Instagram, щоб побачити його статистику.',
  'stats.connect': 'Підключити акаунт',
  'stats.lag':
    'Дані Meta можуть запізнюватися на {hours} год: останні два дні ще можуть зрости. Доба триває від півночі до півночі за тихоокеанським часом, як у Meta.',
  'stats.noData': 'За цей період даних ще немає',
  'stats.periodDays': 'Днів з даними: {known} з {days}',
  'stats.unknown': 'Невідомо',
  'stats.howComputed': 'Як це рахується',
  'stats.updatedAt': 'Останнє читання з Meta: {time}',
  'stats.neverRead': 'Дані з Meta ще не прочитано: натисніть «Оновити з Meta».',

  'stats.account': 'Акаунт',
  'stats.range': 'Період',
  'stats.lastDays': '{count} днів',
  'stats.from': 'З',
  'stats.to': 'По',
  'stats.granularity': 'Групувати',
  'stats.by.day': 'За днями',
  'stats.by.week': 'За тижнями',
  'stats.by.month': 'За місяцями',

  'stats.refresh.button': 'Оновити з Meta',
  'stats.refresh.hint': 'Заново читає з Meta останні дні: {days}',
  'stats.refresh.reading': 'Читаємо з Meta дні: {days}…',
  'stats.refresh.slow': 'Досі читаємо з Meta дні: {days}; сторінка оновиться сама, коли все буде готово.',
  'stats.refresh.done': 'Оновлено: прочитано днів з Meta: {days}.',
  'stats.csv.series': 'Завантажити CSV',
  'stats.csv.topPosts': 'Завантажити CSV',

  'stats.chart.followers': 'Підписники',
  'stats.chart.reach': 'Охоплення',
  'stats.chart.views': 'Перегляди',
  'stats.chart.engagementRate': 'Залученість',
  'stats.followersFrom':
    'Кількість підписників відома лише з першого читання профілю в Relaydesk ({period}): Meta не зберігає історію цього числа.',
  'stats.followersNone':
    'За цей період кількість підписників невідома: Relaydesk записує її з дня, коли вперше прочитав профіль, а Meta не зберігає її історію.',

  'stats.formula.engagementRate':
    'Усі взаємодії за день (вподобання, коментарі, поширення, збереження, відповіді), поділені на кількість підписників цього дня. За тиждень, місяць або весь період: взаємодії днів, де відомі обидва числа, поділені на суму підписників цих днів.',
  'stats.formula.postEngagementRate':
    'Усі взаємодії з публікацією, поділені на охоплені акаунти; невідомо, поки невідоме одне з чисел або охоплення дорівнює 0.',
  'stats.formula.followerGrowth':
    'Графік показує останню відому кількість підписників у кожному періоді. Приріст — кількість в останній день мінус кількість напередодні початку періоду; невідомий, якщо одного з вимірів немає.',
  'stats.formula.periodValues':
    'Тиждень, місяць або період додають дні, що мають значення (невідомо, якщо такого дня немає). Охоплення рахує унікальні акаунти за день, тож сума враховує акаунт один раз за кожен день, коли його охопили.',

  'stats.totals.title': 'Підсумки за {range}',
  'stats.totals.days': 'Днів з даними: {known} з {days}',
  'stats.metric.followers': 'Підписники',
  'stats.metric.followerGrowth': 'Приріст підписників',
  'stats.metric.reach': 'Охоплення',
  'stats.metric.views': 'Перегляди',
  'stats.metric.accountsEngaged': 'Залучені акаунти',
  'stats.metric.totalInteractions': 'Взаємодії',
  'stats.metric.likes': 'Вподобання',
  'stats.metric.comments': 'Коментарі',
  'stats.metric.shares': 'Поширення',
  'stats.metric.saves': 'Збереження',
  'stats.metric.replies': 'Відповіді',
  'stats.metric.profileLinksTaps': 'Натискання на посилання профілю',
  'stats.metric.engagementRate': 'Залученість',

  'stats.top.title': 'Найкращі публікації',
  'stats.top.metric': 'Сортувати за',
  'stats.top.type': 'Тип публікації',
  'stats.top.type.all': 'Усі',
  'stats.top.type.FEED': 'Дописи',
  'stats.top.type.REELS': 'Reels',
  'stats.top.type.STORY': 'Історії',
  'stats.top.post': 'Публікація',
  'stats.top.empty':
    'Жодна публікація цього періоду ще не має значення цього показника. Нові публікації читаються протягом кількох годин.',

  'stats.post.title': 'Статистика публікації',
  'stats.post.close': 'Закрити',
  'stats.post.open': 'Відкрити в Instagram',
  'stats.post.noImage': 'Немає фото',
  'stats.post.noCaption': 'Без підпису',
  'stats.post.observedAt': 'Прочитано з Meta: {time}.',
  'stats.post.nextRefreshAt': 'Наступне читання: {time}.',
  'stats.post.kind.photo': 'Фото',
  'stats.post.kind.video': 'Відео',
  'stats.post.kind.carousel': 'Карусель',
  'stats.post.kind.reel': 'Reels',
  'stats.post.kind.story': 'Історія',
  'stats.post.metric.views': 'Перегляди',
  'stats.post.metric.reach': 'Охоплення',
  'stats.post.metric.likes': 'Вподобання',
  'stats.post.metric.comments': 'Коментарі',
  'stats.post.metric.saved': 'Збереження',
  'stats.post.metric.shares': 'Поширення',
  'stats.post.metric.totalInteractions': 'Взаємодії',
  'stats.post.metric.replies': 'Відповіді',
  'stats.post.metric.avgWatchTimeMs': 'Середній час перегляду',
  'stats.post.metric.tapsForward': 'Переходи вперед',
  'stats.post.metric.tapsBack': 'Переходи назад',
  'stats.post.metric.exits': 'Виходи',
  'stats.post.metric.engagementRate': 'Залученість',
  'stats.status.pending':
    'Ще не прочитано: Relaydesk читає статистику нової публікації протягом кількох годин після синхронізації.',
  'stats.status.ok':
    'Прочитано з Meta. У перші дні публікацію перечитують кожні кілька годин, потім щотижня.',
  'stats.status.not_enough_viewers':
    'Meta приховує ці числа: історію бачили менше ніж 5 акаунтів. Вони невідомі, а не нульові.',
  'stats.status.unavailable':
    'Meta не надає статистику цієї публікації (наприклад, її опубліковано до того, як акаунт став бізнес-акаунтом або акаунтом автора). Числа невідомі, а не нульові.',

  'stats.home.title': 'Instagram',
  'stats.home.followers': 'Підписники',
  'stats.home.messagesToday': 'Повідомлень сьогодні',
  'stats.home.postsThisWeek': 'Публікацій за тиждень',
  'stats.home.followersUnknown': 'Підписників рахують з першого читання профілю.',
  'stats.home.open': 'Відкрити статистику',

  'error.invalid_date_range': 'Період задано неправильно: його початок не може бути пізніше за кінець.',
  'error.statistics_unavailable':
    'Зараз не можна прочитати Instagram цього акаунта: його відключено, токен сплив або це підключення Chatrace. Перепідключіть його на сторінці «Акаунти».',
};
