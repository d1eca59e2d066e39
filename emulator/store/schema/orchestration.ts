// Heat's stacks (migration 0016): rows exactly as SQLite returns them, and the model the stack
// store hands to the orchestration service. Resource and event state is derived from the
// simulation clock on read (decision 014), so a row only records what was planned and when.

export interface StackTable {
  id: string;
  project_id: string;
  user_id: string;
  name: string;
  description: string;
  /** CREATE or DELETE: the last action started on the stack. */
  action: string;
  /** Epoch ms (simulation clock) the action started at. */
  action_started_ms: number;
  created_at: string;
  updated_at: string | null;
  /** JSON: {kind:'text'|'document', value} as the client sent the template. */
  template: string;
  /** JSON: the environment document as sent. */
  environment: string;
  /** JSON: file name → contents. */
  files: string;
  /** JSON: the parameter values the user gave. */
  parameters: string;
  /** JSON array of StackResource. */
  resources: string;
  timeout_mins: number | null;
  disable_rollback: number;
  /** JSON array of strings. */
  tags: string;
  seq: number;
  /** JSON array of StackPhase (migration 0017). */
  history: string;
  /** Nested stacks (migration 0017-nested-stacks): the parent stack and the resource the stack implements. */
  parent_stack_id: string | null;
  parent_resource: string | null;
}

/** One planned resource of a stack: create window in simulated ms, derived state on read. */
export interface StackResource {
  name: string;
  type: string;
  physicalId: string;
  requiredBy: string[];
  /** Position in the create order (delete runs in reverse). */
  index: number;
  /** OS::Heat::AutoScalingGroup: its current size, and the end of its cooldown (epoch ms). */
  capacity?: number;
  cooldownEnd?: number;
  /** What started the cooldown, as Heat writes it in the group's metadata ("change_in_capacity : 1"). */
  cooldownReason?: string;
  /** Signals the resource received (SIGNAL_COMPLETE events), oldest first. */
  signals?: { timeMs: number; reason: string }[];
  /** The physical id is a nested stack (a group, a group member of a template type, a template resource). */
  nested?: boolean;
  /** Create window start for a resource added after the stack's create (a group member of a resize). */
  startMs?: number;
  /** When a resize started removing this member (DELETE window), epoch ms. */
  removedMs?: number;
  /** OS::Heat::AutoScalingGroup: its resizes (UPDATE windows) and member ids, oldest first. */
  resizes?: { startMs: number; endMs: number }[];
  refs?: string[];
}

/** What Heat does to one resource in one step of a stack action. */
export type StepAction = 'CREATE' | 'UPDATE' | 'DELETE' | 'SUSPEND' | 'RESUME' | 'CHECK';

/** One resource step of a stack action: RESOURCE_SECONDS of simulated time, in order. */
export interface StackStep {
  name: string;
  type: string;
  physicalId: string;
  action: StepAction;
  /** The step fails with this reason and the action stops there (…_FAILED). */
  failed?: string;
  /** The reason of a step that completes, when not Heat's "state changed". */
  reason?: string;
}

/** An action run on the stack (its create, then updates, suspend, resume, check), from startedMs. */
export interface StackPhase {
  action: 'CREATE' | 'UPDATE' | 'SUSPEND' | 'RESUME' | 'CHECK';
  startedMs: number;
  steps: StackStep[];
}

export type StackAction = StackPhase['action'] | 'DELETE';

export interface StoredTemplate {
  kind: 'text' | 'document';
  value: unknown;
}

export interface Stack {
  id: string;
  projectId: string;
  userId: string;
  name: string;
  description: string;
  /** The last action started on the stack. */
  action: StackAction;
  actionStartedMs: number;
  createdAt: string;
  updatedAt: string | null;
  template: StoredTemplate;
  environment: Record<string, unknown>;
  files: Record<string, string>;
  parameters: Record<string, unknown>;
  resources: StackResource[];
  timeoutMins: number | null;
  disableRollback: boolean;
  tags: string[];
  /** The actions run on the stack, oldest first; absent or empty: the create is derived from resources. */
  history?: StackPhase[];
  /** For a nested stack: the parent stack's id and the resource it implements. */
  parent?: { stackId: string; resource: string } | null;
}
