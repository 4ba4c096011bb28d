import type { DiagnosticsDictionary } from './types.js';

export const diagnosticsUk: DiagnosticsDictionary = {
  'diagnostics.title': 'Діагностика',
  'diagnostics.subtitle':
    'Що працює, що ні і як це виправити: перевірки `relaydesk doctor` для цього робочого простору та його сервера.',
  'diagnostics.rerun': 'Перевірити ще раз',
  'diagnostics.running': 'Перевіряємо…',
  'diagnostics.checkedAt': 'Перевірено о {time}, за {seconds} с',
  'diagnostics.overall.pass': 'Усе, що перевірялося, працює.',
  'diagnostics.overall.warn': 'Усе працює, але деякі перевірки мають попередження.',
  'diagnostics.overall.fail': 'Щось зламано: нижче в кожної невдалої перевірки написано, як це виправити.',
  'diagnostics.count.pass': 'Пройдено: {count}',
  'diagnostics.count.warn': 'Попереджень: {count}',
  'diagnostics.count.fail': 'Не пройдено: {count}',
  'diagnostics.count.skip': 'Пропущено: {count}',
  'diagnostics.verdict.pass': 'Пройдено',
  'diagnostics.verdict.warn': 'Увага',
  'diagnostics.verdict.fail': 'Не пройдено',
  'diagnostics.verdict.skip': 'Пропущено',
  'diagnostics.onlyProblems': 'Лише проблеми',
  'diagnostics.fix': 'Як виправити',
  'diagnostics.detail': 'Подробиці',
  'diagnostics.link.deliveries': 'Відкрити журнал вебхуків',
  'diagnostics.link.accounts': 'Відкрити акаунти',
  'diagnostics.group.configuration': 'Конфігурація',
  'diagnostics.group.webhooks': 'Вебхуки',
  'diagnostics.group.instagram': 'Instagram · {name}',
  'diagnostics.group.chatrace': 'Chatrace · {name}',
  'diagnostics.group.jobs': 'Фонові завдання',
  'diagnostics.group.database': 'База даних',
  'diagnostics.noAccounts':
    'У цьому робочому просторі не підключено жодного акаунта, тому виконано лише перевірки самого сервера.',
  'diagnostics.noProblems': 'Проблем немає: кожна перевірка пройдена або їй не було чого перевіряти.',
  'diagnostics.cliHint':
    'Ті самі перевірки з командного рядка на сервері: relaydesk doctor (з --json — для скриптів).',
  'diagnostics.check.config.valid': 'Конфігурація коректна',
  'diagnostics.config.valid.valid': 'Конфігурація коректна ({database}).',
  'diagnostics.config.valid.demo':
    'Конфігурація коректна. Демо-режим: Meta грає симулятор усередині запущеного сервера, тому його акаунти перевіряються на сторінці «Діагностика», а не тут.',
  'diagnostics.config.valid.invalid':
    'В оточенні некоректних змінних: {count}, тому Relaydesk не запускається.',
  'diagnostics.config.valid.invalid.fix':
    'Виправте змінні з подробиць (кожну описано в .env.example) і запустіть знову.',
  'diagnostics.check.config.app_secret': 'Секрет застосунку Instagram задано',
  'diagnostics.config.app_secret.set':
    'INSTAGRAM_APP_SECRET задано: підпис кожної доставки від Meta перевіряється.',
  'diagnostics.config.app_secret.demo':
    'Демо-режим: вебхуки підписує й перевіряє секрет вбудованого симулятора.',
  'diagnostics.config.app_secret.missing':
    'INSTAGRAM_APP_SECRET не задано, тому кожна доставка від Meta відхиляється.',
  'diagnostics.config.app_secret.missing.fix':
    'Скопіюйте секрет застосунку Instagram з App Dashboard (Instagram → API setup with Instagram login) до INSTAGRAM_APP_SECRET і перезапустіть сервер.',
  'diagnostics.config.app_secret.not_used':
    'Застосунок Instagram не налаштовано, і жоден акаунт Instagram не підключено.',
  'diagnostics.check.config.verify_token': 'Токен підтвердження вебхука задано',
  'diagnostics.config.verify_token.set': 'INSTAGRAM_WEBHOOK_VERIFY_TOKEN задано.',
  'diagnostics.config.verify_token.demo': 'Демо-режим: симулятору підтвердження не потрібне.',
  'diagnostics.config.verify_token.missing':
    'INSTAGRAM_WEBHOOK_VERIFY_TOKEN не задано, тому Meta не може підтвердити callback URL.',
  'diagnostics.config.verify_token.missing.fix':
    'Придумайте токен (наприклад, `openssl rand -hex 16`), задайте його в INSTAGRAM_WEBHOOK_VERIFY_TOKEN, перезапустіть сервер і введіть те саме значення в App Dashboard → Webhooks.',
  'diagnostics.config.verify_token.not_used':
    'Застосунок Instagram не налаштовано, і жоден акаунт Instagram не підключено.',
  'diagnostics.check.webhook.public_url': 'PUBLIC_URL працює через https',
  'diagnostics.webhook.public_url.https': 'PUBLIC_URL — {url}.',
  'diagnostics.webhook.public_url.missing':
    'PUBLIC_URL не задано: Meta нікуди доставляти вебхуки, а вхід через Instagram не може повернути користувача назад.',
  'diagnostics.webhook.public_url.missing.fix':
    'Задайте в PUBLIC_URL публічну https-адресу цього сервера, наприклад https://relaydesk.example.com, і перезапустіть сервер.',
  'diagnostics.webhook.public_url.not_https':
    'PUBLIC_URL — {url}, але Meta доставляє вебхуки лише на https-адреси.',
  'diagnostics.webhook.public_url.not_https.fix':
    'Відкрийте Relaydesk через https (зворотний проксі із сертифікатом і TRUST_PROXY=true) і вкажіть цю адресу в PUBLIC_URL.',
  'diagnostics.webhook.public_url.demo':
    'Демо-режим: вбудований симулятор доставляє вебхуки цьому серверу напряму.',
  'diagnostics.check.webhook.reachable': 'PUBLIC_URL досяжний',
  'diagnostics.webhook.reachable.reachable': '{url}/healthz відповів за {ms} мс.',
  'diagnostics.webhook.reachable.unreachable': 'До {url}/healthz не вдалося достукатися.',
  'diagnostics.webhook.reachable.unreachable.fix':
    'Переконайтеся, що сервер запущено і що DNS, файрвол і зворотний проксі спрямовують PUBLIC_URL на нього; у подробицях зазначено, що саме не спрацювало.',
  'diagnostics.webhook.reachable.wrong_answer':
    '{url}/healthz відповів HTTP {status} замість відповіді 200 від Relaydesk.',
  'diagnostics.webhook.reachable.wrong_answer.fix':
    'За адресою PUBLIC_URL відповідає не Relaydesk (сторінка помилки проксі, інший застосунок): спрямуйте проксі на PORT Relaydesk.',
  'diagnostics.webhook.reachable.no_url': 'Без PUBLIC_URL перевіряти нічого.',
  'diagnostics.check.webhook.verification': 'Підтвердження вебхука проходить',
  'diagnostics.webhook.verification.answered':
    'Адреса вебхука відповідає на запит підтвердження Meta з налаштованим токеном.',
  'diagnostics.webhook.verification.refused':
    'Сервер за адресою PUBLIC_URL відхилив налаштований токен підтвердження (HTTP {status}).',
  'diagnostics.webhook.verification.refused.fix':
    'Запущений сервер використовує інший INSTAGRAM_WEBHOOK_VERIFY_TOKEN, ніж ця конфігурація: вкажіть одне значення в оточенні та в App Dashboard → Webhooks і перезапустіть сервер.',
  'diagnostics.webhook.verification.wrong_echo':
    'Адреса вебхука відповіла HTTP {status}, але не повернула hub.challenge.',
  'diagnostics.webhook.verification.wrong_echo.fix':
    'Щось між Meta і Relaydesk підміняє відповідь (сторінка проксі, перенаправлення на вхід): спрямуйте {path} прямо на Relaydesk.',
  'diagnostics.webhook.verification.unreachable': 'До адреси вебхука не вдалося достукатися.',
  'diagnostics.webhook.verification.unreachable.fix':
    'Переконайтеся, що сервер запущено і що DNS, файрвол і зворотний проксі спрямовують PUBLIC_URL на нього; у подробицях зазначено, що саме не спрацювало.',
  'diagnostics.webhook.verification.not_checked':
    'Потрібні PUBLIC_URL і INSTAGRAM_WEBHOOK_VERIFY_TOKEN (див. вище).',
  'diagnostics.check.webhook.signatures': 'Підписи доставок правильні',
  'diagnostics.webhook.signatures.valid':
    'За останні 7 днів жодну доставку від Meta не відхилено через підпис.',
  'diagnostics.webhook.signatures.some_rejected':
    'Доставок від Meta, відхилених через підпис за останні 7 днів: {count} (остання — {lastAt}); після неї надходили правильні.',
  'diagnostics.webhook.signatures.some_rejected.fix':
    'Відхилення між правильними доставками зазвичай надходять від іншого застосунку або сканера. Якщо вони тривають, порівняйте INSTAGRAM_APP_SECRET із застосунком, який їх надсилає.',
  'diagnostics.webhook.signatures.rejected':
    'Останню доставку від Meta ({lastAt}) відхилено через підпис; усього за останні 7 днів: {count}.',
  'diagnostics.webhook.signatures.rejected.fix':
    'Вкажіть в INSTAGRAM_APP_SECRET секрет того застосунку, чиї вебхуки надходять (App Dashboard → Instagram → API setup with Instagram login), перезапустіть сервер і переконайтеся, що проксі не змінює тіло запиту. Meta повторює кожну доставку до 36 годин.',
  'diagnostics.webhook.signatures.none_yet': 'Від Meta ще не надійшло жодної доставки.',
  'diagnostics.check.instagram.token': 'Токен дійсний',
  'diagnostics.instagram.token.valid': 'Instagram приймає токен @{username}.',
  'diagnostics.instagram.token.refused': 'Instagram відхилив токен.',
  'diagnostics.instagram.token.refused.fix':
    'Підключіть акаунт знову на сторінці «Акаунти» (Увійти через Instagram). Токен перестає працювати, коли змінюють пароль, власник виходить із застосунку або видаляє його.',
  'diagnostics.instagram.token.other_account':
    'Збережений токен належить @{username} ({userId}), а не цьому акаунту ({externalId}).',
  'diagnostics.instagram.token.other_account.fix':
    'Підключіть цей акаунт знову, увійшовши в Instagram саме під ним.',
  'diagnostics.instagram.token.no_answer': 'Instagram не відповів, тому перевірити токен не вдалося.',
  'diagnostics.instagram.token.no_answer.fix':
    'Повторіть перевірку за хвилину; якщо не допоможе, перевірте, що цей сервер може достукатися до graph.instagram.com.',
  'diagnostics.instagram.token.no_token': 'Для цього акаунта не збережено токен.',
  'diagnostics.instagram.token.no_token.fix':
    'Підключіть акаунт знову на сторінці «Акаунти» (Увійти через Instagram). Токен перестає працювати, коли змінюють пароль, власник виходить із застосунку або видаляє його.',
  'diagnostics.check.instagram.token_expiry': 'Термін дії токена',
  'diagnostics.instagram.token_expiry.valid':
    'Токен діє до {expiresAt} (днів: {days}); Relaydesk подовжує його за 20 днів до закінчення.',
  'diagnostics.instagram.token_expiry.unknown':
    'Термін дії цього вставленого вручну токена поки невідомий; щоденне оновлення його дізнається.',
  'diagnostics.instagram.token_expiry.expiring': 'Токен спливає {expiresAt}, залишилося днів: {days}.',
  'diagnostics.instagram.token_expiry.expiring.fix':
    'Натисніть «Оновити токен зараз» (або «Авторизувати знову») на сторінці «Акаунти»; якщо оновлення не вдасться, причина буде в подробицях.',
  'diagnostics.instagram.token_expiry.refresh_failed':
    'Останнє оновлення токена не вдалося; токен працює до {expiresAt}.',
  'diagnostics.instagram.token_expiry.refresh_failed.fix':
    'Дивіться подробиці; Relaydesk пробує знову щодня. Якщо помилка повторюється, авторизуйтеся знову на сторінці «Акаунти».',
  'diagnostics.instagram.token_expiry.expired': 'Термін дії токена сплив {expiresAt}.',
  'diagnostics.instagram.token_expiry.expired.fix':
    'Підключіть акаунт знову через вхід в Instagram на сторінці «Акаунти»: прострочений токен подовжити не можна.',
  'diagnostics.instagram.token_expiry.revoked':
    'Instagram відхилив токен {at}; акаунт призупинено, доки його не підключать знову.',
  'diagnostics.instagram.token_expiry.revoked.fix':
    'Підключіть акаунт знову на сторінці «Акаунти» (Увійти через Instagram). Токен перестає працювати, коли змінюють пароль, власник виходить із застосунку або видаляє його.',
  'diagnostics.check.instagram.permissions': 'Дозволів досить для функцій, що використовуються',
  'diagnostics.instagram.permissions.granted':
    'Усі дозволи, які використовує Relaydesk, надано під час входу, і з {since} жоден запит не відхилено через дозволи.',
  'diagnostics.instagram.permissions.not_recorded':
    'З {since} жоден запит не відхилено через брак дозволу. Цей токен вставлено вручну, тож невідомо, які в нього дозволи: Instagram називає їх лише під час входу.',
  'diagnostics.instagram.permissions.refused':
    'Запитів, відхилених Instagram через брак дозволу з {since}: {count}; останній — {lastAt}.',
  'diagnostics.instagram.permissions.refused.fix':
    'Підключіть акаунт знову через вхід в Instagram на сторінці «Акаунти» і залиште всі дозволи увімкненими. Для акаунтів без ролі у вашому застосунку Meta застосунку потрібен Advanced Access до цього дозволу (App Review).',
  'diagnostics.instagram.permissions.not_granted':
    'Під час входу не надано: {missing}, а це потрібно функціям, що використовуються.',
  'diagnostics.instagram.permissions.not_granted.fix':
    'Підключіть акаунт знову через вхід в Instagram на сторінці «Акаунти» і залиште всі дозволи увімкненими. Для акаунтів без ролі у вашому застосунку Meta застосунку потрібен Advanced Access до цього дозволу (App Review).',
  'diagnostics.instagram.permissions.not_granted_unused':
    'Під час входу не надано: {missing}; те, що цього потребує, поки не використовується.',
  'diagnostics.instagram.permissions.not_granted_unused.fix':
    'Перш ніж планувати публікації, підключіть акаунт знову через вхід в Instagram і залиште всі дозволи увімкненими.',
  'diagnostics.check.instagram.webhook_fields': 'Поля вебхуків підписано',
  'diagnostics.instagram.webhook_fields.subscribed':
    'Усі поля вебхуків, які використовує Relaydesk ({count}), підписано для цього акаунта.',
  'diagnostics.instagram.webhook_fields.missing':
    'Не підписано: {missing}. Нові повідомлення або коментарі не надходять вебхуками.',
  'diagnostics.instagram.webhook_fields.missing.fix':
    'Підключіть акаунт знову на сторінці «Акаунти»: під час підключення поля підписуються знову. Позначте ті самі поля й у App Dashboard → Webhooks.',
  'diagnostics.instagram.webhook_fields.partly':
    'Не підписано: {missing} (повідомлення і коментарі підписано).',
  'diagnostics.instagram.webhook_fields.partly.fix':
    'Підключіть акаунт знову на сторінці «Акаунти»: під час підключення поля підписуються знову.',
  'diagnostics.instagram.webhook_fields.none':
    'Акаунт узагалі не підписаний на вебхуки цього застосунку: для нього нічого не надходить.',
  'diagnostics.instagram.webhook_fields.none.fix':
    'Підключіть акаунт знову на сторінці «Акаунти»: під час підключення підписка оформлюється знову.',
  'diagnostics.instagram.webhook_fields.unreadable': 'Не вдалося прочитати підписку.',
  'diagnostics.instagram.webhook_fields.unreadable.fix':
    'Дивіться подробиці; повторіть перевірку, коли Instagram відповість.',
  'diagnostics.instagram.webhook_fields.not_checked': 'Не перевірено: токен відхилено (див. вище).',
  'diagnostics.check.instagram.last_delivery': 'Вебхуки надходять',
  'diagnostics.instagram.last_delivery.recent':
    'Останній вебхук для цього акаунта надійшов {lastAt}; за останні 24 години: {count}.',
  'diagnostics.instagram.last_delivery.never':
    'Від часу підключення ({connectedAt}) для цього акаунта не надійшло жодного вебхука.',
  'diagnostics.instagram.last_delivery.never.fix':
    'В App Dashboard → Webhooks перевірте callback URL і підписані поля, а також що застосунок у режимі Live (у режимі Development Meta доставляє лише для людей з роллю в застосунку). Потім виконайте `relaydesk simulate delivery` або натисніть там Test.',
  'diagnostics.check.instagram.polling': 'Опитування не знайшло пропущеного',
  'diagnostics.instagram.polling.clean':
    'Останнє опитування ({lastPollAt}) не знайшло нічого, що пропустили вебхуки.',
  'diagnostics.instagram.polling.gap':
    'Опитування знайшло повідомлення, які вебхуки так і не доставили (востаннє {gapAt}), та імпортувало їх.',
  'diagnostics.instagram.polling.gap.fix':
    'Вебхуки для цього акаунта не надходять: перевірте підписані поля вище, що застосунок у режимі Live, і callback URL в App Dashboard → Webhooks.',
  'diagnostics.instagram.polling.failed': 'Останнє опитування ({lastPollAt}) не вдалося.',
  'diagnostics.instagram.polling.failed.fix':
    'Дивіться подробиці: помилку токена виправляє повторне підключення, обмеження частоти минає саме.',
  'diagnostics.instagram.polling.not_yet': 'Опитування для цього акаунта ще не запускалося.',
  'diagnostics.instagram.polling.off': 'Опитування пропущених повідомлень для цього акаунта вимкнено.',
  'diagnostics.check.chatrace.token_format': 'Формат токена',
  'diagnostics.chatrace.token_format.full':
    'Токен надсилається так, як його показує Chatrace: ID акаунта {accountId}, крапка, потім токен.',
  'diagnostics.chatrace.token_format.bare':
    'Токен надсилається без ID акаунта попереду — у тій формі, яку Chatrace прийняв під час підключення.',
  'diagnostics.chatrace.token_format.malformed': 'Збережений токен пошкоджено.',
  'diagnostics.chatrace.token_format.malformed.fix':
    'Скопіюйте API-токен із Chatrace знову (Settings → API) і перепідключіть Chatrace на сторінці «Акаунти»; вставляйте лише токен, без "Bearer" і лапок.',
  'diagnostics.chatrace.token_format.no_token': 'Для цього підключення не збережено токен.',
  'diagnostics.chatrace.token_format.no_token.fix':
    'Скопіюйте API-токен із Chatrace знову (Settings → API) і перепідключіть Chatrace на сторінці «Акаунти»; вставляйте лише токен, без "Bearer" і лапок.',
  'diagnostics.check.chatrace.token': 'Chatrace приймає токен',
  'diagnostics.chatrace.token.valid': 'Chatrace приймає токен: GET /accounts/me відповідає для {name}.',
  'diagnostics.chatrace.token.refused': 'Chatrace відхилив токен (HTTP {status}).',
  'diagnostics.chatrace.token.refused.fix':
    'Створіть новий API-токен у Chatrace (Settings → API) і перепідключіть Chatrace на сторінці «Акаунти». Справжня перевірка — GET /accounts/me із заголовком X-ACCESS-TOKEN: помилки 401 під час опитування йшли від адрес, яких у Chatrace немає.',
  'diagnostics.chatrace.token.no_answer': 'Chatrace не відповів, тому перевірити токен не вдалося.',
  'diagnostics.chatrace.token.no_answer.fix':
    'Повторіть перевірку; якщо не допоможе, перевірте, що цей сервер досягає CHATRACE_API_URL ({apiUrl}).',
  'diagnostics.chatrace.token.not_checked': 'Не перевірено: збережений токен пошкоджено (див. вище).',
  'diagnostics.check.chatrace.last_delivery': 'Доставки надходять',
  'diagnostics.chatrace.last_delivery.recent':
    'Остання доставка від Chatrace надійшла {lastAt}; за останні 24 години: {count}.',
  'diagnostics.chatrace.last_delivery.never':
    'Від часу підключення ({connectedAt}) від Chatrace нічого не надійшло.',
  'diagnostics.chatrace.last_delivery.never.fix':
    'Chatrace лише надсилає сам, опитувати його не можна: додайте дію External Request у сценарій, який отримує повідомлення Instagram, з адресою вебхука і заголовком X-Relaydesk-Token зі сторінки «Акаунти».',
  'diagnostics.chatrace.last_delivery.unreadable':
    'Доставок за останні 7 днів, у яких Relaydesk не знайшов відправника або текст: {count} (остання — {lastAt}).',
  'diagnostics.chatrace.last_delivery.unreadable.fix':
    'Зіставте поля через JSONPath на сторінці «Акаунти», потім повторіть ці доставки з журналу вебхуків.',
  'diagnostics.check.jobs.queue': 'Черга завдань досяжна',
  'diagnostics.jobs.queue.embedded':
    'Вбудована черга завдань відповідає: очікують {waiting}, виконуються {active}, заплановано {delayed}.',
  'diagnostics.jobs.queue.redis':
    'Черга завдань у Redis відповідає: очікують {waiting}, виконуються {active}, заплановано {delayed}.',
  'diagnostics.jobs.queue.unreachable': 'Черга завдань не відповідає.',
  'diagnostics.jobs.queue.unreachable.fix':
    'Запустіть Redis або виправте REDIS_URL. Доставки тим часом зберігаються й будуть оброблені, щойно черга повернеться.',
  'diagnostics.check.jobs.dead': 'Немає «мертвих» завдань',
  'diagnostics.jobs.dead.none': 'Жодне завдання не здалося.',
  'diagnostics.jobs.dead.dead':
    'Завдань, що здалися після останньої спроби: {count}; найновіше — {name} ({finishedAt}).',
  'diagnostics.jobs.dead.dead.fix':
    'Усуньте причину з тексту помилки, потім запустіть їх знову: POST /api/v1/jobs/:id/retry (адміністратор екземпляра). «Мертві» завдання видаляються через RETENTION_JOB_DAYS днів.',
  'diagnostics.jobs.dead.not_checked': 'Не перевірено: черга завдань не відповідає.',
  'diagnostics.check.jobs.lag': 'Завдання не відстають',
  'diagnostics.jobs.lag.idle': 'Жодне завдання не чекає.',
  'diagnostics.jobs.lag.keeping_up': 'Найстаріше завдання в черзі чекає {seconds} с.',
  'diagnostics.jobs.lag.behind': 'Найстаріше завдання в черзі ({name}) чекає {minutes} хв.',
  'diagnostics.jobs.lag.behind.fix':
    'Обробник відстає: подивіться журнал сервера і навантаження процесора; з REDIS_URL запустіть більше екземплярів.',
  'diagnostics.jobs.lag.stuck':
    'Найстаріше завдання в черзі ({name}) чекає {minutes} хв: завдань ніхто не бере.',
  'diagnostics.jobs.lag.stuck.fix':
    'Запустіть сервер (`relaydesk serve`); з REDIS_URL має працювати хоча б один екземпляр. Якщо його запущено, у його журналі написано, чому черга не обробляється.',
  'diagnostics.jobs.lag.not_checked': 'Не перевірено: черга завдань не відповідає.',
  'diagnostics.check.database.reachable': 'База даних досяжна',
  'diagnostics.database.reachable.reachable': 'База даних {kind} відповідає.',
  'diagnostics.database.reachable.unreachable': 'База даних не відповідає.',
  'diagnostics.database.reachable.unreachable.fix':
    'Запустіть PostgreSQL або виправте DATABASE_URL; для SQLite перевірте, що DATA_DIR існує і доступний для запису.',
  'diagnostics.check.database.migrations': 'Міграції застосовано',
  'diagnostics.database.migrations.current': 'Усі міграції застосовано.',
  'diagnostics.database.migrations.pending': 'Не застосовано міграцій: {count} ({names}).',
  'diagnostics.database.migrations.pending.fix':
    'Виконайте `relaydesk migrate` або перезапустіть сервер: під час запуску він застосовує міграції.',
  'diagnostics.database.migrations.empty': 'База даних порожня: до неї не застосовано жодної міграції.',
  'diagnostics.database.migrations.empty.fix':
    'Якщо сервер запущено, цей командний рядок працює не з тією базою даних, що сервер: вкажіть його DATA_DIR або DATABASE_URL. Інакше запустіть сервер — він створить таблиці.',
  'diagnostics.database.migrations.not_checked': 'Не перевірено: база даних не відповідає.',
  'diagnostics.check.database.disk': 'Місце на диску',
  'diagnostics.database.disk.plenty': 'Вільно {free} з {total} у DATA_DIR ({percent}%).',
  'diagnostics.database.disk.low': 'Вільно лише {free} з {total} у DATA_DIR ({percent}%).',
  'diagnostics.database.disk.low.fix':
    'Звільніть місце або перенесіть DATA_DIR на більший диск; щоденне очищення видаляє тіла вебхуків, старші за RETENTION_WEBHOOK_DAYS днів.',
  'diagnostics.database.disk.full':
    'Вільно лише {free} з {total} у DATA_DIR ({percent}%): незабаром запис перестане працювати, зокрема прийом доставок.',
  'diagnostics.database.disk.full.fix': 'Терміново звільніть місце або перенесіть DATA_DIR на більший диск.',
  'diagnostics.check_error': 'Перевірку не вдалося виконати.',
  'diagnostics.check_error.fix':
    'Подивіться подробиці нижче; повторіть перевірку, коли причину буде усунено.',
};
