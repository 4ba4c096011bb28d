import type { AccountRepository } from '../accounts/account.repository.js';
import type { AccountService } from '../accounts/account.service.js';
import type { Config } from '../config.js';
import type { DatabaseHandle } from '../db/database.js';
import type { EventBus } from '../events/event-bus.js';
import type { JobHandlers, JobQueue } from '../jobs/job-queue.js';
import type { Logger } from '../logger.js';
import { CaptionTemplateRepository } from '../products/caption-template.repository.js';
import { ProductRepository } from '../products/product.repository.js';
import type { GraphClient } from '../providers/instagram/graph-client.js';
import type { Secrets } from '../secrets.js';
import { AutoPostRepository } from './auto-post.repository.js';
import { AutoPostService } from './auto-post.service.js';
import { AutoPostContainers } from './auto-post-containers.js';
import { AutoPostContent } from './auto-post-content.js';
import { AutoPostInput } from './auto-post-input.js';
import { AutoPostPublisher } from './auto-post-publisher.js';
import { AutoPostRotation } from './auto-post-rotation.js';
import { AutoPostScheduler } from './auto-post-scheduler.js';
import { AutoPostSeriesRepository } from './auto-post-series.repository.js';
import { AutoPostSeriesService } from './auto-post-series.service.js';
import { AutoPostSettle, type Gallery } from './auto-post-settle.js';
import { AutoPostTransitions } from './auto-post-transitions.js';
import type { Uploads } from './auto-post-uploads.js';
import { AutoPostWriter } from './auto-post-writer.js';

export interface AutoPostDeps {
  config: Pick<Config, 'PUBLIC_URL' | 'PORT'>;
  database: DatabaseHandle;
  queue: JobQueue;
  bus: EventBus;
  log: Logger;
  clock: () => number;
  /** demo mode: the simulator downloads media from this machine */
  simulator: boolean;
  secrets: Secrets;
  accounts: AccountRepository;
  accountService: AccountService;
  graph: GraphClient;
  /** where published media show at once (the posts feature's sync) */
  gallery: Gallery;
  /** uploaded files named as media get a fresh link at every publish (AttachmentService) */
  uploads: Uploads;
}

/** Auto-posting's services, wired by constructor. */
export function createAutoPostServices(d: AutoPostDeps) {
  const { database, queue, bus, log, clock, graph } = d;
  const posts = new AutoPostRepository(database.db);
  const seriesRows = new AutoPostSeriesRepository(database.db);
  const products = new ProductRepository(database.db, clock);
  const templates = new CaptionTemplateRepository(database.db, clock);
  const reach = {
    publicUrl: d.config.PUBLIC_URL ?? (d.simulator ? `http://127.0.0.1:${d.config.PORT}` : null),
    allowPrivate: d.simulator,
  };
  const content = new AutoPostContent(products, templates, reach, d.uploads);
  const scheduler = new AutoPostScheduler(queue, posts, log, clock);
  const writer = new AutoPostWriter(posts, scheduler, bus, clock);
  const rotation = new AutoPostRotation(seriesRows, posts, products, scheduler, writer, clock);
  const settle = new AutoPostSettle(writer, graph, bus, rotation, d.gallery, log);
  const transitions = new AutoPostTransitions(writer, posts, settle, clock);
  const publisher = new AutoPostPublisher({
    posts,
    accounts: d.accounts,
    accountService: d.accountService,
    graph,
    secrets: d.secrets,
    content,
    containers: new AutoPostContainers(graph, writer, transitions),
    transitions,
    settle,
    writer,
    slots: rotation,
    clock,
    log,
  });
  const input = new AutoPostInput(d.accounts, products, templates, content);
  return {
    autoPosts: new AutoPostService(posts, input, scheduler, writer, clock),
    autoPostSeries: new AutoPostSeriesService({
      series: seriesRows,
      posts,
      rotation,
      accounts: d.accounts,
      products,
      templates,
      content,
      clock,
    }),
    autoPostPublisher: publisher,
    autoPostScheduler: scheduler,
  };
}

export type AutoPostServices = ReturnType<typeof createAutoPostServices>;

export function autoPostJobs(s: AutoPostServices): Pick<JobHandlers, 'publish-post' | 'sweep-auto-posts'> {
  return {
    // Graph failures are handled inside (the post records them and plans its own retry); a throw
    // here is the database failing, and the job itself is retried.
    'publish-post': {
      handler: ({ autoPostId }) => s.autoPostPublisher.run(autoPostId),
      retry: { attempts: 6, backoffMs: 2_000, maxBackoffMs: 5 * 60_000 },
      concurrency: 8,
    },
    'sweep-auto-posts': {
      handler: async () => {
        await s.autoPostScheduler.sweep();
      },
      // the next minute's run is the retry
      retry: { attempts: 1, backoffMs: 1_000 },
    },
  };
}
