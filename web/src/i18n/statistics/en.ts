// The Statistics page's English strings (and the home page's statistics card), spread into
// ../en.ts (the reference dictionary).
export const statisticsEn = {
  'stats.title': 'Statistics',
  'stats.subtitle': 'Followers, reach, views and engagement of your Instagram account, day by day.',
  'stats.noAccount': 'Connect an Instagram account to see its statistics.',
  'stats.connect': 'Connect an account',
  'stats.lag':
    'Data from Meta can lag {hours} hours: the last two days may still grow. Days run midnight to midnight Pacific time, as Meta counts them.',
  'stats.noData': 'No data for this period yet',
  'stats.periodDays': 'Days with data: {known} of {days}',
  'stats.unknown': 'Unknown',
  'stats.howComputed': 'How this is computed',
  'stats.updatedAt': 'Last read from Meta: {time}',
  'stats.neverRead': 'Not read from Meta yet: press “Refresh from Meta”.',

  'stats.account': 'Account',
  'stats.range': 'Period',
  'stats.lastDays': '{count} days',
  'stats.from': 'From',
  'stats.to': 'To',
  'stats.granularity': 'Group by',
  'stats.by.day': 'Day',
  'stats.by.week': 'Week',
  'stats.by.month': 'Month',

  'stats.refresh.button': 'Refresh from Meta',
  'stats.refresh.hint': 'Reads the last {days} days from Meta again',
  'stats.refresh.reading': 'Reading {days} days from Meta…',
  'stats.refresh.slow': 'Still reading {days} days from Meta; the page updates by itself when it is done.',
  'stats.refresh.done': 'Updated: {days} days read from Meta.',
  'stats.csv.series': 'Download CSV',
  'stats.csv.topPosts': 'Download CSV',

  'stats.chart.followers': 'Followers',
  'stats.chart.reach': 'Reach',
  'stats.chart.views': 'Views',
  'stats.chart.engagementRate': 'Engagement rate',
  'stats.followersFrom':
    'Follower totals start with Relaydesk’s first reading of the profile ({period}): Meta keeps no history of the total.',
  'stats.followersNone':
    'No follower total in this period: Relaydesk records it from the day it first reads the profile, and Meta keeps no history of it.',

  'stats.formula.engagementRate':
    'Total interactions of a day (likes, comments, shares, saves, replies) divided by the followers that day. For a week, month or the whole period: the interactions of the days where both are known, divided by the sum of those days’ followers.',
  'stats.formula.postEngagementRate':
    'The post’s total interactions divided by the accounts it reached; unknown while either is unknown or the reach is 0.',
  'stats.formula.followerGrowth':
    'The chart shows the last follower total of each period. Growth is the total on the last day minus the total the day before the period began; unknown when either reading is missing.',
  'stats.formula.periodValues':
    'A week, month or period adds up the days that have a value (unknown when none has). Reach counts unique accounts per day, so a sum counts an account once for each day it was reached.',

  'stats.totals.title': 'Totals for {range}',
  'stats.totals.days': 'Days with data: {known} of {days}',
  'stats.metric.followers': 'Followers',
  'stats.metric.followerGrowth': 'Follower growth',
  'stats.metric.reach': 'Reach',
  'stats.metric.views': 'Views',
  'stats.metric.accountsEngaged': 'Accounts engaged',
  'stats.metric.totalInteractions': 'Interactions',
  'stats.metric.likes': 'Likes',
  'stats.metric.comments': 'Comments',
  'stats.metric.shares': 'Shares',
  'stats.metric.saves': 'Saves',
  'stats.metric.replies': 'Replies',
  'stats.metric.profileLinksTaps': 'Profile link taps',
  'stats.metric.engagementRate': 'Engagement rate',

  'stats.top.title': 'Top posts',
  'stats.top.metric': 'Rank by',
  'stats.top.type': 'Kind of post',
  'stats.top.type.all': 'All',
  'stats.top.type.FEED': 'Posts',
  'stats.top.type.REELS': 'Reels',
  'stats.top.type.STORY': 'Stories',
  'stats.top.post': 'Post',
  'stats.top.empty':
    'No post published in this period has a value for this metric yet. New posts are read within a few hours.',

  'stats.post.title': 'Post insights',
  'stats.post.close': 'Close',
  'stats.post.open': 'Open on Instagram',
  'stats.post.noImage': 'No picture',
  'stats.post.noCaption': 'No caption',
  'stats.post.observedAt': 'Read from Meta: {time}.',
  'stats.post.nextRefreshAt': 'Next reading: {time}.',
  'stats.post.kind.photo': 'Photo',
  'stats.post.kind.video': 'Video',
  'stats.post.kind.carousel': 'Carousel',
  'stats.post.kind.reel': 'Reel',
  'stats.post.kind.story': 'Story',
  'stats.post.metric.views': 'Views',
  'stats.post.metric.reach': 'Reach',
  'stats.post.metric.likes': 'Likes',
  'stats.post.metric.comments': 'Comments',
  'stats.post.metric.saved': 'Saves',
  'stats.post.metric.shares': 'Shares',
  'stats.post.metric.totalInteractions': 'Interactions',
  'stats.post.metric.replies': 'Replies',
  'stats.post.metric.avgWatchTimeMs': 'Average watch time',
  'stats.post.metric.tapsForward': 'Taps forward',
  'stats.post.metric.tapsBack': 'Taps back',
  'stats.post.metric.exits': 'Exits',
  'stats.post.metric.engagementRate': 'Engagement rate',
  'stats.status.pending':
    'Not read yet: Relaydesk reads a new post’s insights within a few hours of syncing it.',
  'stats.status.ok': 'Read from Meta. A post is read again every few hours in its first days, then weekly.',
  'stats.status.not_enough_viewers':
    'Meta hides these numbers: fewer than 5 accounts saw this story. They are unknown, not zero.',
  'stats.status.unavailable':
    'Meta gives no insights for this post (for example, it was published before the account became a business or creator account). The numbers are unknown, not zero.',

  'stats.home.title': 'Instagram',
  'stats.home.followers': 'Followers',
  'stats.home.messagesToday': 'Messages today',
  'stats.home.postsThisWeek': 'Posts this week',
  'stats.home.followersUnknown': 'Followers are counted from the first reading of the profile.',
  'stats.home.open': 'Open statistics',

  'error.invalid_date_range': 'The period is not valid: its start must not be after its end.',
  'error.statistics_unavailable':
    'Instagram cannot be read for this account now: it is disconnected, its token has expired, or it is a Chatrace connection. Reconnect it on the Accounts page.',
} as const;
