// The evaluator of one embedded cloud: one queue, so evaluations and alarm API calls never
// interleave, and a cached "next evaluation due" time, so asking costs nothing when nothing is
// due. Settled before every Aodh API call and kicked after every response of the cloud.

import type { FastifyInstance } from 'fastify';
import type { Cloud } from '../cloud';
import { evaluateDueAlarms, type AlarmActionSender, type AlarmMeasureReader } from './alarm-evaluator';
import { httpActionSender } from './alarm-evaluator-actions';
import { gnocchiMeasureReader } from './alarm-evaluator-measures';

export interface AlarmEvaluation {
  /** Runs fn once every earlier evaluation or call has finished. */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  /** Runs fn in the queue right after evaluating everything due now. */
  settled<T>(fn: () => Promise<T>): Promise<T>;
  /** Evaluates everything due now (queued like any other call). */
  settle(): Promise<void>;
  /** Starts a settle in the background if an evaluation may be due. */
  kick(): void;
  /** Forgets the cached due time, after an alarm was created or changed. */
  invalidate(): void;
  /** Resolves when nothing is queued. */
  idle(): Promise<void>;
}

export interface AlarmEvaluationOptions {
  send?: AlarmActionSender;
  measures?: AlarmMeasureReader;
}

const evaluations = new WeakMap<Cloud, AlarmEvaluation>();
const installed = new WeakMap<FastifyInstance, AlarmEvaluation>();

/** The evaluator installed on a built server (for the real-time driver of `npm run cloud`). */
export function evaluationOf(app: FastifyInstance): AlarmEvaluation | undefined {
  return installed.get(app);
}

export function alarmEvaluation(cloud: Cloud, options: AlarmEvaluationOptions = {}): AlarmEvaluation {
  const existing = evaluations.get(cloud);
  if (existing) return existing;
  const send = options.send ?? httpActionSender(cloud);
  const measures = options.measures ?? gnocchiMeasureReader(cloud);
  let tail: Promise<unknown> = Promise.resolve();
  let nextDue = 0;
  let kicked = false;
  // Actions are delivered after the queue is let go: a receiver on this same cloud (Heat)
  // may call the Aodh API, which waits for the queue.
  let outbox: Parameters<AlarmActionSender>[] = [];
  const post: AlarmActionSender = async (...delivery) => {
    outbox.push(delivery);
  };
  const deliver = async (): Promise<void> => {
    const batch = outbox;
    outbox = [];
    for (const delivery of batch) {
      try {
        await send(...delivery);
      } catch {
        // Aodh logs a failed delivery and carries on.
      }
    }
  };

  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
  let delivering: Promise<void> = Promise.resolve();
  const evaluate = async (): Promise<void> => {
    nextDue = await evaluateDueAlarms({ repos: cloud.store, now: () => cloud.clock.now(), measures, send: post });
    if (outbox.length > 0) delivering = delivering.then(deliver);
  };
  const evaluation: AlarmEvaluation = {
    exclusive,
    settle: () => exclusive(evaluate),
    settled: (fn) =>
      exclusive(async () => {
        await evaluate();
        return fn();
      }),
    kick() {
      if (kicked || cloud.clock.now() < nextDue) return;
      kicked = true;
      void exclusive(async () => {
        kicked = false;
        await evaluate();
      }).catch(() => {
        // The store may be closing; the next kick tries again.
      });
    },
    invalidate() {
      nextDue = 0;
    },
    idle: async () => {
      await tail;
      await delivering;
    },
  };
  evaluations.set(cloud, evaluation);
  return evaluation;
}

/** Kicks the evaluator after every response of the cloud (a clock advance included). */
export function installAlarmEvaluation(app: FastifyInstance, cloud: Cloud, options: AlarmEvaluationOptions = {}): void {
  const evaluation = alarmEvaluation(cloud, options);
  installed.set(app, evaluation);
  app.addHook('onResponse', async () => evaluation.kick());
  app.addHook('preClose', async () => evaluation.idle());
}
