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
  /** Signals the resource received (SIGNAL_COMPLETE events), oldest first. */
  signals?: { timeMs: number; reason: string }[];
}

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
  action: 'CREATE' | 'DELETE';
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
}
