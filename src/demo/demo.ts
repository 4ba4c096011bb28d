import type { Config } from '../config.js';
import type { HttpServer } from '../http/server.js';
import type { Logger } from '../logger.js';
import { createSimulator, type Simulator } from '../providers/simulator/index.js';

export const simulatorPrefix = '/__simulator';

/** SIMULATOR=auto runs the demo exactly when no Meta app is configured. */
export function demoWanted(config: Config): boolean {
  if (config.SIMULATOR === 'on') return true;
  return config.SIMULATOR === 'auto' && !config.INSTAGRAM_APP_ID && !config.INSTAGRAM_APP_SECRET;
}

export interface Demo {
  sim: Simulator;
  /** the configuration with the simulator standing in for Meta */
  config: Config;
  /** serves the simulator under /__simulator on the main server (OAuth page, `relaydesk simulate`) */
  mount(http: HttpServer): void;
  /** points the simulator's webhooks at the listening server */
  listening(address: string): void;
  stop(): Promise<void>;
}

/**
 * Demo mode: the local Instagram simulator plays Meta, so a fresh install has an account,
 * posts and customers. Everything still goes through the real paths: Graph client, OAuth,
 * signed webhooks.
 */
export async function startDemo(config: Config, log: Logger): Promise<Demo> {
  const sim = createSimulator({});
  await sim.start(0);
  const ep = sim.endpoints();
  log.warn(
    { simulator: sim.url },
    'No Meta app configured: running in demo mode against the built-in Instagram simulator',
  );
  return {
    sim,
    config: {
      ...config,
      INSTAGRAM_APP_ID: sim.app.id,
      INSTAGRAM_APP_SECRET: sim.app.secret,
      INSTAGRAM_WEBHOOK_VERIFY_TOKEN: config.INSTAGRAM_WEBHOOK_VERIFY_TOKEN ?? 'relaydesk-demo',
      INSTAGRAM_GRAPH_URL: ep.graphUrl,
      INSTAGRAM_API_VERSION: ep.apiVersion,
      INSTAGRAM_OAUTH_TOKEN_URL: ep.tokenUrl,
      // Relative: the browser reaches the simulator's login page through this server.
      INSTAGRAM_OAUTH_AUTHORIZE_URL: `${simulatorPrefix}/oauth/authorize`,
    },
    mount(http) {
      http.addHook('onRequest', (req, reply, done) => {
        if (!req.url.startsWith(`${simulatorPrefix}/`)) return done();
        reply.hijack();
        req.raw.url = req.raw.url?.slice(simulatorPrefix.length) || '/';
        sim.handle(req.raw, reply.raw);
      });
    },
    listening(address) {
      const port = new URL(address).port;
      sim.webhooks.configure({ url: `http://127.0.0.1:${port}/api/v1/instagram/webhook` });
    },
    stop: () => sim.stop(),
  };
}
