import type { DiagnosticsDictionary } from './types.js';

export const diagnosticsRu: DiagnosticsDictionary = {
  'diagnostics.title': 'Диагностика',
  'diagnostics.subtitle':
    'Что работает, что нет и как это исправить: проверки `relaydesk doctor` для этого рабочего пространства и его сервера.',
  'diagnostics.rerun': 'Проверить ещё раз',
  'diagnostics.running': 'Проверяем…',
  'diagnostics.checkedAt': 'Проверено в {time}, за {seconds} с',
  'diagnostics.overall.pass': 'Всё, что проверялось, работает.',
  'diagnostics.overall.warn': 'Всё работает, но у некоторых проверок есть предупреждения.',
  'diagnostics.overall.fail': 'Что-то сломано: ниже у каждой неудачной проверки написано, как это исправить.',
  'diagnostics.count.pass': 'Пройдено: {count}',
  'diagnostics.count.warn': 'Предупреждений: {count}',
  'diagnostics.count.fail': 'Не пройдено: {count}',
  'diagnostics.count.skip': 'Пропущено: {count}',
  'diagnostics.verdict.pass': 'Пройдена',
  'diagnostics.verdict.warn': 'Внимание',
  'diagnostics.verdict.fail': 'Не пройдена',
  'diagnostics.verdict.skip': 'Пропущена',
  'diagnostics.onlyProblems': 'Только проблемы',
  'diagnostics.fix': 'Как исправить',
  'diagnostics.detail': 'Подробности',
  'diagnostics.link.deliveries': 'Открыть журнал вебхуков',
  'diagnostics.link.accounts': 'Открыть аккаунты',
  'diagnostics.group.configuration': 'Конфигурация',
  'diagnostics.group.webhooks': 'Вебхуки',
  'diagnostics.group.instagram': 'Instagram · {name}',
  'diagnostics.group.chatrace': 'Chatrace · {name}',
  'diagnostics.group.jobs': 'Фоновые задания',
  'diagnostics.group.database': 'База данных',
  'diagnostics.noAccounts':
    'В этом рабочем пространстве не подключено ни одного аккаунта, поэтому выполнены только проверки самого сервера.',
  'diagnostics.noProblems': 'Проблем нет: каждая проверка пройдена или ей нечего было проверять.',
  'diagnostics.cliHint':
    'Те же проверки из командной строки на сервере: relaydesk doctor (с --json — для скриптов).',
  'diagnostics.check.config.valid': 'Конфигурация корректна',
  'diagnostics.config.valid.valid': 'Конфигурация корректна ({database}).',
  'diagnostics.config.valid.demo':
    'Конфигурация корректна. Демо-режим: Meta изображает симулятор внутри запущенного сервера, поэтому его аккаунты проверяются на странице «Диагностика», а не здесь.',
  'diagnostics.config.valid.invalid':
    'В окружении некорректных переменных: {count}, поэтому Relaydesk не запускается.',
  'diagnostics.config.valid.invalid.fix':
    'Исправьте переменные из подробностей (каждая описана в .env.example) и запустите снова.',
  'diagnostics.check.config.app_secret': 'Секрет приложения Instagram задан',
  'diagnostics.config.app_secret.set':
    'INSTAGRAM_APP_SECRET задан: подпись каждой доставки от Meta проверяется.',
  'diagnostics.config.app_secret.demo':
    'Демо-режим: вебхуки подписывает и проверяет секрет встроенного симулятора.',
  'diagnostics.config.app_secret.missing':
    'INSTAGRAM_APP_SECRET не задан, поэтому каждая доставка от Meta отклоняется.',
  'diagnostics.config.app_secret.missing.fix':
    'Скопируйте секрет приложения Instagram из App Dashboard (Instagram → API setup with Instagram login) в INSTAGRAM_APP_SECRET и перезапустите сервер.',
  'diagnostics.config.app_secret.not_used':
    'Приложение Instagram не настроено, и ни один аккаунт Instagram не подключён.',
  'diagnostics.check.config.verify_token': 'Токен подтверждения вебхука задан',
  'diagnostics.config.verify_token.set': 'INSTAGRAM_WEBHOOK_VERIFY_TOKEN задан.',
  'diagnostics.config.verify_token.demo': 'Демо-режим: симулятору подтверждение не нужно.',
  'diagnostics.config.verify_token.missing':
    'INSTAGRAM_WEBHOOK_VERIFY_TOKEN не задан, поэтому Meta не может подтвердить callback URL.',
  'diagnostics.config.verify_token.missing.fix':
    'Придумайте токен (например, `openssl rand -hex 16`), задайте его в INSTAGRAM_WEBHOOK_VERIFY_TOKEN, перезапустите сервер и введите то же значение в App Dashboard → Webhooks.',
  'diagnostics.config.verify_token.not_used':
    'Приложение Instagram не настроено, и ни один аккаунт Instagram не подключён.',
  'diagnostics.check.webhook.public_url': 'PUBLIC_URL работает по https',
  'diagnostics.webhook.public_url.https': 'PUBLIC_URL — {url}.',
  'diagnostics.webhook.public_url.missing':
    'PUBLIC_URL не задан: Meta некуда доставлять вебхуки, а вход через Instagram не может вернуть пользователя обратно.',
  'diagnostics.webhook.public_url.missing.fix':
    'Задайте в PUBLIC_URL публичный https-адрес этого сервера, например https://relaydesk.example.com, и перезапустите сервер.',
  'diagnostics.webhook.public_url.not_https':
    'PUBLIC_URL — {url}, но Meta доставляет вебхуки только на https-адреса.',
  'diagnostics.webhook.public_url.not_https.fix':
    'Откройте Relaydesk по https (обратный прокси с сертификатом и TRUST_PROXY=true) и укажите этот адрес в PUBLIC_URL.',
  'diagnostics.webhook.public_url.demo':
    'Демо-режим: встроенный симулятор доставляет вебхуки этому серверу напрямую.',
  'diagnostics.check.webhook.reachable': 'PUBLIC_URL доступен',
  'diagnostics.webhook.reachable.reachable': '{url}/healthz ответил за {ms} мс.',
  'diagnostics.webhook.reachable.unreachable': 'До {url}/healthz не удалось достучаться.',
  'diagnostics.webhook.reachable.unreachable.fix':
    'Убедитесь, что сервер запущен и что DNS, файрвол и обратный прокси направляют PUBLIC_URL на него; в подробностях указано, что именно не сработало.',
  'diagnostics.webhook.reachable.wrong_answer':
    '{url}/healthz ответил HTTP {status} вместо ответа 200 от Relaydesk.',
  'diagnostics.webhook.reachable.wrong_answer.fix':
    'По адресу PUBLIC_URL отвечает не Relaydesk (страница ошибки прокси, другое приложение): направьте прокси на PORT Relaydesk.',
  'diagnostics.webhook.reachable.no_url': 'Без PUBLIC_URL проверять нечего.',
  'diagnostics.check.webhook.verification': 'Подтверждение вебхука проходит',
  'diagnostics.webhook.verification.answered':
    'Адрес вебхука отвечает на запрос подтверждения Meta с настроенным токеном.',
  'diagnostics.webhook.verification.refused':
    'Сервер по адресу PUBLIC_URL отклонил настроенный токен подтверждения (HTTP {status}).',
  'diagnostics.webhook.verification.refused.fix':
    'Запущенный сервер использует другой INSTAGRAM_WEBHOOK_VERIFY_TOKEN, чем эта конфигурация: укажите одно значение в окружении и в App Dashboard → Webhooks и перезапустите сервер.',
  'diagnostics.webhook.verification.wrong_echo':
    'Адрес вебхука ответил HTTP {status}, но не вернул hub.challenge.',
  'diagnostics.webhook.verification.wrong_echo.fix':
    'Что-то между Meta и Relaydesk подменяет ответ (страница прокси, перенаправление на вход): направьте {path} прямо на Relaydesk.',
  'diagnostics.webhook.verification.unreachable': 'До адреса вебхука не удалось достучаться.',
  'diagnostics.webhook.verification.unreachable.fix':
    'Убедитесь, что сервер запущен и что DNS, файрвол и обратный прокси направляют PUBLIC_URL на него; в подробностях указано, что именно не сработало.',
  'diagnostics.webhook.verification.not_checked':
    'Нужны PUBLIC_URL и INSTAGRAM_WEBHOOK_VERIFY_TOKEN (см. выше).',
  'diagnostics.check.webhook.signatures': 'Подписи доставок верны',
  'diagnostics.webhook.signatures.valid':
    'За последние 7 дней ни одна доставка от Meta не была отклонена из-за подписи.',
  'diagnostics.webhook.signatures.some_rejected':
    'Доставок от Meta, отклонённых из-за подписи за последние 7 дней: {count} (последняя — {lastAt}); после неё приходили верные.',
  'diagnostics.webhook.signatures.some_rejected.fix':
    'Отклонения между верными доставками обычно приходят от другого приложения или сканера. Если они продолжаются, сравните INSTAGRAM_APP_SECRET с приложением, которое их отправляет.',
  'diagnostics.webhook.signatures.rejected':
    'Последняя доставка от Meta ({lastAt}) отклонена из-за подписи; всего за последние 7 дней: {count}.',
  'diagnostics.webhook.signatures.rejected.fix':
    'Укажите в INSTAGRAM_APP_SECRET секрет того приложения, чьи вебхуки приходят (App Dashboard → Instagram → API setup with Instagram login), перезапустите сервер и убедитесь, что прокси не меняет тело запроса. Meta повторяет каждую доставку до 36 часов.',
  'diagnostics.webhook.signatures.none_yet': 'От Meta ещё не пришло ни одной доставки.',
  'diagnostics.check.instagram.token': 'Токен действителен',
  'diagnostics.instagram.token.valid': 'Instagram принимает токен @{username}.',
  'diagnostics.instagram.token.refused': 'Instagram отклонил токен.',
  'diagnostics.instagram.token.refused.fix':
    'Подключите аккаунт заново на странице «Аккаунты» (Войти через Instagram). Токен перестаёт работать, когда меняют пароль, владелец выходит из приложения или удаляет его.',
  'diagnostics.instagram.token.other_account':
    'Сохранённый токен принадлежит @{username} ({userId}), а не этому аккаунту ({externalId}).',
  'diagnostics.instagram.token.other_account.fix':
    'Подключите этот аккаунт заново, войдя в Instagram именно под ним.',
  'diagnostics.instagram.token.no_answer': 'Instagram не ответил, поэтому проверить токен не удалось.',
  'diagnostics.instagram.token.no_answer.fix':
    'Повторите проверку через минуту; если не поможет, проверьте, что этот сервер может достучаться до graph.instagram.com.',
  'diagnostics.instagram.token.no_token': 'Для этого аккаунта не сохранён токен.',
  'diagnostics.instagram.token.no_token.fix':
    'Подключите аккаунт заново на странице «Аккаунты» (Войти через Instagram). Токен перестаёт работать, когда меняют пароль, владелец выходит из приложения или удаляет его.',
  'diagnostics.check.instagram.token_expiry': 'Срок действия токена',
  'diagnostics.instagram.token_expiry.valid':
    'Токен действует до {expiresAt} (дней: {days}); Relaydesk продлевает его за 20 дней до окончания.',
  'diagnostics.instagram.token_expiry.unknown':
    'Срок действия этого вставленного вручную токена пока неизвестен; ежедневное обновление его узнает.',
  'diagnostics.instagram.token_expiry.expiring': 'Токен истекает {expiresAt}, осталось дней: {days}.',
  'diagnostics.instagram.token_expiry.expiring.fix':
    'Нажмите «Обновить токен сейчас» (или «Авторизовать заново») на странице «Аккаунты»; если обновление не удастся, причина будет в подробностях.',
  'diagnostics.instagram.token_expiry.refresh_failed':
    'Последнее обновление токена не удалось; токен работает до {expiresAt}.',
  'diagnostics.instagram.token_expiry.refresh_failed.fix':
    'Смотрите подробности; Relaydesk пробует снова каждый день. Если ошибка повторяется, авторизуйтесь заново на странице «Аккаунты».',
  'diagnostics.instagram.token_expiry.expired': 'Срок действия токена истёк {expiresAt}.',
  'diagnostics.instagram.token_expiry.expired.fix':
    'Подключите аккаунт заново через вход в Instagram на странице «Аккаунты»: истёкший токен продлить нельзя.',
  'diagnostics.instagram.token_expiry.revoked':
    'Instagram отклонил токен {at}; аккаунт приостановлен, пока его не подключат заново.',
  'diagnostics.instagram.token_expiry.revoked.fix':
    'Подключите аккаунт заново на странице «Аккаунты» (Войти через Instagram). Токен перестаёт работать, когда меняют пароль, владелец выходит из приложения или удаляет его.',
  'diagnostics.check.instagram.permissions': 'Разрешений хватает для используемых функций',
  'diagnostics.instagram.permissions.granted':
    'Все разрешения, которые использует Relaydesk, были выданы при входе, и с {since} ни один запрос не был отклонён из-за разрешений.',
  'diagnostics.instagram.permissions.not_recorded':
    'С {since} ни один запрос не был отклонён из-за недостающего разрешения. Этот токен вставлен вручную, поэтому неизвестно, какие у него разрешения: Instagram называет их только при входе.',
  'diagnostics.instagram.permissions.refused':
    'Запросов, отклонённых Instagram из-за недостающего разрешения с {since}: {count}; последний — {lastAt}.',
  'diagnostics.instagram.permissions.refused.fix':
    'Подключите аккаунт заново через вход в Instagram на странице «Аккаунты» и оставьте все разрешения включёнными. Для аккаунтов без роли в вашем приложении Meta приложению нужен Advanced Access к этому разрешению (App Review).',
  'diagnostics.instagram.permissions.not_granted':
    'При входе не было выдано: {missing}, а это нужно используемым функциям.',
  'diagnostics.instagram.permissions.not_granted.fix':
    'Подключите аккаунт заново через вход в Instagram на странице «Аккаунты» и оставьте все разрешения включёнными. Для аккаунтов без роли в вашем приложении Meta приложению нужен Advanced Access к этому разрешению (App Review).',
  'diagnostics.instagram.permissions.not_granted_unused':
    'При входе не было выдано: {missing}; то, что этого требует, пока не используется.',
  'diagnostics.instagram.permissions.not_granted_unused.fix':
    'Прежде чем планировать публикации, подключите аккаунт заново через вход в Instagram и оставьте все разрешения включёнными.',
  'diagnostics.check.instagram.webhook_fields': 'Поля вебхуков подписаны',
  'diagnostics.instagram.webhook_fields.subscribed':
    'Все поля вебхуков, которые использует Relaydesk ({count}), подписаны для этого аккаунта.',
  'diagnostics.instagram.webhook_fields.missing':
    'Не подписаны: {missing}. Новые сообщения или комментарии не приходят вебхуками.',
  'diagnostics.instagram.webhook_fields.missing.fix':
    'Подключите аккаунт заново на странице «Аккаунты»: при подключении поля подписываются снова. Отметьте те же поля и в App Dashboard → Webhooks.',
  'diagnostics.instagram.webhook_fields.partly':
    'Не подписаны: {missing} (сообщения и комментарии подписаны).',
  'diagnostics.instagram.webhook_fields.partly.fix':
    'Подключите аккаунт заново на странице «Аккаунты»: при подключении поля подписываются снова.',
  'diagnostics.instagram.webhook_fields.none':
    'Аккаунт вообще не подписан на вебхуки этого приложения: для него ничего не приходит.',
  'diagnostics.instagram.webhook_fields.none.fix':
    'Подключите аккаунт заново на странице «Аккаунты»: при подключении подписка оформляется снова.',
  'diagnostics.instagram.webhook_fields.unreadable': 'Не удалось прочитать подписку.',
  'diagnostics.instagram.webhook_fields.unreadable.fix':
    'Смотрите подробности; повторите проверку, когда Instagram ответит.',
  'diagnostics.instagram.webhook_fields.not_checked': 'Не проверено: токен отклонён (см. выше).',
  'diagnostics.check.instagram.last_delivery': 'Вебхуки приходят',
  'diagnostics.instagram.last_delivery.recent':
    'Последний вебхук для этого аккаунта пришёл {lastAt}; за последние 24 часа: {count}.',
  'diagnostics.instagram.last_delivery.never':
    'С момента подключения ({connectedAt}) для этого аккаунта не пришло ни одного вебхука.',
  'diagnostics.instagram.last_delivery.never.fix':
    'В App Dashboard → Webhooks проверьте callback URL и подписанные поля, а также что приложение в режиме Live (в режиме Development Meta доставляет только для людей с ролью в приложении). Затем выполните `relaydesk simulate delivery` или нажмите там Test.',
  'diagnostics.check.instagram.polling': 'Опрос не нашёл пропущенного',
  'diagnostics.instagram.polling.clean':
    'Последний опрос ({lastPollAt}) не нашёл ничего, что пропустили вебхуки.',
  'diagnostics.instagram.polling.gap':
    'Опрос нашёл сообщения, которые вебхуки так и не доставили (последний раз {gapAt}), и импортировал их.',
  'diagnostics.instagram.polling.gap.fix':
    'Вебхуки для этого аккаунта не приходят: проверьте подписанные поля выше, что приложение в режиме Live, и callback URL в App Dashboard → Webhooks.',
  'diagnostics.instagram.polling.failed': 'Последний опрос ({lastPollAt}) не удался.',
  'diagnostics.instagram.polling.failed.fix':
    'Смотрите подробности: ошибка токена исправляется повторным подключением, ограничение частоты проходит само.',
  'diagnostics.instagram.polling.not_yet': 'Опрос для этого аккаунта ещё не запускался.',
  'diagnostics.instagram.polling.off': 'Опрос пропущенных сообщений для этого аккаунта выключен.',
  'diagnostics.check.chatrace.token_format': 'Формат токена',
  'diagnostics.chatrace.token_format.full':
    'Токен отправляется так, как его показывает Chatrace: ID аккаунта {accountId}, точка, затем токен.',
  'diagnostics.chatrace.token_format.bare':
    'Токен отправляется без ID аккаунта впереди — в той форме, которую Chatrace принял при подключении.',
  'diagnostics.chatrace.token_format.malformed': 'Сохранённый токен повреждён.',
  'diagnostics.chatrace.token_format.malformed.fix':
    'Скопируйте API-токен из Chatrace заново (Settings → API) и переподключите Chatrace на странице «Аккаунты»; вставляйте только токен, без "Bearer" и кавычек.',
  'diagnostics.chatrace.token_format.no_token': 'Для этого подключения не сохранён токен.',
  'diagnostics.chatrace.token_format.no_token.fix':
    'Скопируйте API-токен из Chatrace заново (Settings → API) и переподключите Chatrace на странице «Аккаунты»; вставляйте только токен, без "Bearer" и кавычек.',
  'diagnostics.check.chatrace.token': 'Chatrace принимает токен',
  'diagnostics.chatrace.token.valid': 'Chatrace принимает токен: GET /accounts/me отвечает для {name}.',
  'diagnostics.chatrace.token.refused': 'Chatrace отклонил токен (HTTP {status}).',
  'diagnostics.chatrace.token.refused.fix':
    'Создайте новый API-токен в Chatrace (Settings → API) и переподключите Chatrace на странице «Аккаунты». Настоящая проверка — GET /accounts/me с заголовком X-ACCESS-TOKEN: ошибки 401 при опросе шли от адресов, которых у Chatrace нет.',
  'diagnostics.chatrace.token.no_answer': 'Chatrace не ответил, поэтому проверить токен не удалось.',
  'diagnostics.chatrace.token.no_answer.fix':
    'Повторите проверку; если не поможет, проверьте, что этот сервер достаёт до CHATRACE_API_URL ({apiUrl}).',
  'diagnostics.chatrace.token.not_checked': 'Не проверено: сохранённый токен повреждён (см. выше).',
  'diagnostics.check.chatrace.last_delivery': 'Доставки приходят',
  'diagnostics.chatrace.last_delivery.recent':
    'Последняя доставка от Chatrace пришла {lastAt}; за последние 24 часа: {count}.',
  'diagnostics.chatrace.last_delivery.never':
    'С момента подключения ({connectedAt}) от Chatrace ничего не пришло.',
  'diagnostics.chatrace.last_delivery.never.fix':
    'Chatrace только отправляет сам, опрашивать его нельзя: добавьте действие External Request в сценарий, который получает сообщения Instagram, с адресом вебхука и заголовком X-Relaydesk-Token со страницы «Аккаунты».',
  'diagnostics.chatrace.last_delivery.unreadable':
    'Доставок за последние 7 дней, в которых Relaydesk не нашёл отправителя или текст: {count} (последняя — {lastAt}).',
  'diagnostics.chatrace.last_delivery.unreadable.fix':
    'Сопоставьте поля через JSONPath на странице «Аккаунты», затем повторите эти доставки из журнала вебхуков.',
  'diagnostics.check.jobs.queue': 'Очередь заданий доступна',
  'diagnostics.jobs.queue.embedded':
    'Встроенная очередь заданий отвечает: ожидают {waiting}, выполняются {active}, запланированы {delayed}.',
  'diagnostics.jobs.queue.redis':
    'Очередь заданий в Redis отвечает: ожидают {waiting}, выполняются {active}, запланированы {delayed}.',
  'diagnostics.jobs.queue.unreachable': 'Очередь заданий не отвечает.',
  'diagnostics.jobs.queue.unreachable.fix':
    'Запустите Redis или исправьте REDIS_URL. Доставки тем временем сохраняются и будут обработаны, когда очередь вернётся.',
  'diagnostics.check.jobs.dead': 'Нет «мёртвых» заданий',
  'diagnostics.jobs.dead.none': 'Ни одно задание не сдалось.',
  'diagnostics.jobs.dead.dead':
    'Заданий, сдавшихся после последней попытки: {count}; самое новое — {name} ({finishedAt}).',
  'diagnostics.jobs.dead.dead.fix':
    'Устраните причину из текста ошибки, затем запустите их снова: POST /api/v1/jobs/:id/retry (администратор экземпляра). «Мёртвые» задания удаляются через RETENTION_JOB_DAYS дней.',
  'diagnostics.jobs.dead.not_checked': 'Не проверено: очередь заданий не отвечает.',
  'diagnostics.check.jobs.lag': 'Задания не отстают',
  'diagnostics.jobs.lag.idle': 'Ни одно задание не ждёт.',
  'diagnostics.jobs.lag.keeping_up': 'Самое старое ожидающее задание ждёт {seconds} с.',
  'diagnostics.jobs.lag.behind': 'Самое старое ожидающее задание ({name}) ждёт {minutes} мин.',
  'diagnostics.jobs.lag.behind.fix':
    'Обработчик отстаёт: посмотрите журнал сервера и загрузку процессора; с REDIS_URL запустите больше экземпляров.',
  'diagnostics.jobs.lag.stuck':
    'Самое старое ожидающее задание ({name}) ждёт {minutes} мин: задания никто не берёт.',
  'diagnostics.jobs.lag.stuck.fix':
    'Запустите сервер (`relaydesk serve`); с REDIS_URL должен работать хотя бы один экземпляр. Если он запущен, в его журнале написано, почему очередь не обрабатывается.',
  'diagnostics.jobs.lag.not_checked': 'Не проверено: очередь заданий не отвечает.',
  'diagnostics.check.database.reachable': 'База данных доступна',
  'diagnostics.database.reachable.reachable': 'База данных {kind} отвечает.',
  'diagnostics.database.reachable.unreachable': 'База данных не отвечает.',
  'diagnostics.database.reachable.unreachable.fix':
    'Запустите PostgreSQL или исправьте DATABASE_URL; для SQLite проверьте, что DATA_DIR существует и доступен для записи.',
  'diagnostics.check.database.migrations': 'Миграции применены',
  'diagnostics.database.migrations.current': 'Все миграции применены.',
  'diagnostics.database.migrations.pending': 'Не применено миграций: {count} ({names}).',
  'diagnostics.database.migrations.pending.fix':
    'Выполните `relaydesk migrate` или перезапустите сервер: при запуске он применяет миграции.',
  'diagnostics.database.migrations.empty': 'База данных пуста: к ней не применено ни одной миграции.',
  'diagnostics.database.migrations.empty.fix':
    'Если сервер запущен, эта командная строка работает не с той базой данных, что сервер: укажите его DATA_DIR или DATABASE_URL. Иначе запустите сервер — он создаст таблицы.',
  'diagnostics.database.migrations.not_checked': 'Не проверено: база данных не отвечает.',
  'diagnostics.check.database.disk': 'Место на диске',
  'diagnostics.database.disk.plenty': 'Свободно {free} из {total} в DATA_DIR ({percent}%).',
  'diagnostics.database.disk.low': 'Свободно всего {free} из {total} в DATA_DIR ({percent}%).',
  'diagnostics.database.disk.low.fix':
    'Освободите место или перенесите DATA_DIR на диск побольше; ежедневная очистка удаляет тела вебхуков старше RETENTION_WEBHOOK_DAYS дней.',
  'diagnostics.database.disk.full':
    'Свободно всего {free} из {total} в DATA_DIR ({percent}%): скоро запись перестанет работать, в том числе приём доставок.',
  'diagnostics.database.disk.full.fix': 'Срочно освободите место или перенесите DATA_DIR на диск побольше.',
  'diagnostics.check_error': 'Проверку не удалось выполнить.',
  'diagnostics.check_error.fix':
    'Посмотрите подробности ниже; повторите проверку, когда причина будет устранена.',
};
