import { tmpdir } from 'node:os';
import path from 'node:path';

/** Ports and files of the e2e run, away from a developer's running Zenith (3000/8788). */
const cloudPort = Number(process.env.E2E_CLOUD_PORT ?? 8798);
const dashboardPort = Number(process.env.E2E_DASHBOARD_PORT ?? 3198);
const dataDir = path.join(tmpdir(), `zenith-e2e-${cloudPort}`);

export const E2E = {
  cloudPort,
  dashboardPort,
  cloudUrl: `http://127.0.0.1:${cloudPort}`,
  dashboardUrl: `http://127.0.0.1:${dashboardPort}`,
  dataDir,
  cloudDb: path.join(dataDir, 'cloud.db'),
};
