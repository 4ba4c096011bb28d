import type { SimContext } from './context.js';
import { noise } from './insight-catalog.js';
import type { SimAccount, SimCustomer, SimMedia } from './types.js';

// A believable small shop for the demo dashboard: a Kyiv linen-and-ceramics brand with a dozen
// posts, comments and a few conversations in Ukrainian, Russian and English, spread over time so
// the inbox shows an open window, one that needs HUMAN_AGENT, and a closed one. Seeding is
// history: it sends no webhooks.

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export interface DemoSeed {
  account: SimAccount;
  accessToken: string;
  customers: SimCustomer[];
  media: SimMedia[];
}

const POSTS: { slug: string; caption: string; type?: 'REELS' | 'CAROUSEL'; daysAgo: number }[] = [
  {
    slug: 'showroom',
    caption: 'Ми відкрили шоурум на Подолі! Чекаємо вас щодня з 11:00 до 19:00 🌿',
    daysAgo: 1,
  },
  {
    slug: 'linen-care',
    caption: 'Як доглядати за льоном: прати при 30°, не сушити в машинці, прасувати вологим.',
    daysAgo: 3,
  },
  {
    slug: 'wrap-dress',
    caption: 'Back in stock: the sage-green wrap dress. DM us for sizing help!',
    daysAgo: 5,
  },
  {
    slug: 'reviews',
    caption: 'Відгуки наших клієнток 💛 Дякуємо, що обираєте українське!',
    type: 'CAROUSEL',
    daysAgo: 8,
  },
  { slug: 'three-ways', caption: 'One linen dress, three ways to wear it ✨', type: 'REELS', daysAgo: 11 },
  {
    slug: 'odesa-trousers',
    caption: 'Льняные брюки «Одесса» снова в наличии. Размеры XS–XL, 2 400 грн.',
    daysAgo: 14,
  },
  { slug: 'sale', caption: 'Знижка −15% на все до неділі за промокодом VESNA15 🌸', daysAgo: 17 },
  {
    slug: 'ceramic-cups',
    caption: 'Керамічні чашки ручної роботи — лімітована партія, 20 шт. Пишіть у Direct ☕',
    daysAgo: 21,
  },
  {
    slug: 'dnipro-shirt',
    caption: 'Linen shirt «Dnipro» — now shipping to the EU 🇪🇺 Sizes S–XXL, €69.',
    daysAgo: 25,
  },
  {
    slug: 'how-we-sew',
    caption: 'Як ми шиємо: від викрійки до готової сорочки за 60 секунд ✂️',
    type: 'REELS',
    daysAgo: 29,
  },
  {
    slug: 'poltava-dress',
    caption: 'Сукня «Полтава» у трьох кольорах: молочний, шавлія, теракот. XS–XL, 2 900 грн.',
    type: 'CAROUSEL',
    daysAgo: 33,
  },
  {
    slug: 'new-collection',
    caption: 'Нова колекція льону вже тут 🌿 Шиємо в Києві, доставка Новою поштою по всій Україні.',
    daysAgo: 38,
  },
];

const CUSTOMERS = [
  { username: 'olena.kravets', name: 'Олена Кравець', followerCount: 812 },
  { username: 'dmytro.sokolov', name: 'Дмитрий Соколов', followerCount: 245 },
  { username: 'emma.lindqvist', name: 'Emma Lindqvist', followerCount: 1930, isBusinessFollowUser: true },
  { username: 'taras_bondar', name: 'Тарас Бондар', followerCount: 96 },
  { username: 'mariia.shevchenko', name: 'Марія Шевченко', followerCount: 2210, profileConsent: false },
];

// [customer index, minutes ago, from customer?, text]
const DMS: [number, number, boolean, string][] = [
  [0, 12, true, 'Добрий день! Сукня «Полтава» в шавлії є в розмірі S?'],
  [0, 9, false, 'Вітаю, Олено! Так, є. Оформити замовлення?'],
  [0, 5, true, 'Так, будь ласка. Нова пошта, Львів, відділення 12'],
  [1, 180, true, 'Здравствуйте! Вы доставляете в Варшаву? Сколько это стоит?'],
  [2, 2 * 24 * 60 + 40, true, "Hi! Is the linen shirt true to size? I'm usually an M."],
  [3, 10 * 24 * 60, true, 'Чашки ще є?'],
  [3, 10 * 24 * 60 - 30, false, 'Так, залишилось 5 штук. Відкласти для вас?'],
];

// [post index, customer index (-1: the shop), hours ago, text]
const COMMENTS: [number, number, number, string][] = [
  [10, 0, 30 * 24, 'Яка ціна на шавлію в розмірі S?'],
  [10, -1, 30 * 24 - 2, 'Олено, 2 900 грн, написали вам у Direct 💌'],
  [10, 1, 29 * 24, 'Есть ли доставка в Польшу?'],
  [8, 2, 24 * 24, 'Gorgeous! Do you ship to Sweden?'],
  [7, 3, 20 * 24, 'Хочу дві чашки, як забронювати?'],
  [0, 4, 20, 'Нарешті шоурум! Завітаю в суботу 😍'],
  [0, 0, 6, 'А примірочна там є?'],
  [2, 2, 4 * 24, 'Is it available in XS?'],
];

export function seedDemo(sim: SimContext, opts: { subscribe?: boolean } = {}): DemoSeed {
  const { state } = sim;
  const now = sim.clock();
  const existing = state.findAccount('vesna.atelier');
  const account =
    existing ??
    state.createAccount({
      username: 'vesna.atelier',
      name: 'Весна Ательє',
      biography: 'Лляний одяг і кераміка ручної роботи 🌿 Київ · Поділ · Доставка по Україні та ЄС',
      website: 'https://vesna-atelier.example',
      followersCount: 4820,
      followsCount: 318,
      // three months on Instagram: the statistics page has 90 days of account insights
      createdAt: now - 90 * DAY,
    });
  if (opts.subscribe ?? true) {
    account.subscribedFields = [
      'messages',
      'message_reactions',
      'messaging_seen',
      'messaging_postbacks',
      'comments',
      'mentions',
    ];
  }
  const accessToken = state.issueToken(account.userId, 'long').token;
  if (existing) {
    const customers = CUSTOMERS.flatMap((c) => state.findCustomer(c.username) ?? []);
    return { account, accessToken, customers, media: state.mediaOf(account.userId) };
  }
  const customers = CUSTOMERS.map((c) => state.findCustomer(c.username) ?? state.addCustomer(c));
  const media = POSTS.map((p) => addPost(sim, account, p, now));
  for (const [post, who, hoursAgo, text] of COMMENTS) {
    const m = media[post];
    const c = who >= 0 ? customers[who] : undefined;
    if (!m) continue;
    const parent = c ? undefined : state.commentsOf(m.id).find((x) => x.fromId !== account.userId);
    state.addComment({
      mediaId: m.id,
      accountId: account.userId,
      parentId: parent?.id,
      fromId: c?.igsid ?? account.userId,
      fromUsername: c?.username ?? account.username,
      text,
      timestamp: now - hoursAgo * HOUR,
      hidden: false,
      likeCount: Math.floor(noise(text) * 4),
    });
  }
  for (const [who, minutesAgo, fromCustomer, text] of DMS) {
    const customer = customers[who];
    if (!customer) continue;
    const conversation = state.conversationFor(account.userId, customer.igsid);
    state.addMessage(conversation, {
      fromCustomer,
      text,
      attachments: [],
      createdAt: now - minutesAgo * MIN,
    });
  }
  return { account, accessToken, customers, media };
}

function addPost(sim: SimContext, account: SimAccount, post: (typeof POSTS)[number], now: number): SimMedia {
  const timestamp = now - post.daysAgo * DAY - Math.floor(noise(post.slug) * 8) * HOUR;
  const likeCount = 40 + Math.floor(noise(`${post.slug}:likes`) * 360);
  const image = `/__sim/img/media-${post.slug}.svg`;
  const base = {
    accountId: account.userId,
    timestamp,
    likeCount,
    commentsEnabled: true,
    isCarouselChild: false,
  };
  if (post.type === 'CAROUSEL') {
    const children = [1, 2, 3].map(
      (n) =>
        sim.state.addMedia({
          ...base,
          mediaType: 'IMAGE',
          productType: 'FEED',
          mediaUrl: `/__sim/img/media-${post.slug}-${n}.svg`,
          children: [],
          isCarouselChild: true,
        }).id,
    );
    return sim.state.addMedia({
      ...base,
      mediaType: 'CAROUSEL_ALBUM',
      productType: 'FEED',
      caption: post.caption,
      mediaUrl: image,
      children,
    });
  }
  const reel = post.type === 'REELS';
  return sim.state.addMedia({
    ...base,
    mediaType: reel ? 'VIDEO' : 'IMAGE',
    productType: reel ? 'REELS' : 'FEED',
    caption: post.caption,
    mediaUrl: reel ? `/__sim/img/media-${post.slug}.mp4` : image,
    thumbnailUrl: reel ? image : undefined,
    children: [],
  });
}
