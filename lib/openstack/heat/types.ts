/**
 * Heat's stacks, resources, events and outputs with clean names, shared by the stack pages and the BFF.
 * No 'server-only': the browser renders these shapes as the BFF returns them. Converters from the wire
 * live in the heat client modules next to the calls that read them.
 */

/** `CREATE_IN_PROGRESS` split in two: action and status. */
export interface HeatStatus {
  action: string;
  status: 'IN_PROGRESS' | 'COMPLETE' | 'FAILED' | string;
  reason: string;
}

export interface StackSummary extends HeatStatus {
  id: string;
  name: string;
  description: string;
  projectId: string;
  createdAt: string;
  updatedAt: string | null;
  tags: string[];
}

export interface StackParameterValue {
  name: string;
  value: string;
}

export interface Stack extends StackSummary {
  parameters: StackParameterValue[];
  outputs: StackOutput[];
  timeoutMins: number | null;
  disableRollback: boolean;
  templateDescription: string;
}

/** How the dashboard renders an output's value. */
export type OutputKind = 'text' | 'json' | 'link' | 'signal';

export interface StackOutput {
  key: string;
  description: string;
  /** The value as Heat returned it (string, number, object, list or null). */
  value: unknown;
  /** Heat's output_error when the value could not be resolved. */
  error: string | null;
}

export interface StackResource extends HeatStatus {
  name: string;
  physicalId: string;
  type: string;
  requiredBy: string[];
  createdAt: string;
  updatedAt: string;
  /** Set when listed with nested_depth: the nested stack this resource belongs to. */
  parentResource: string | null;
  stackName: string;
  stackId: string;
}

export interface StackEvent extends HeatStatus {
  id: string;
  time: string;
  resourceName: string;
  physicalId: string;
  resourceType: string | null;
}

/** One parameter of a template as the launch form needs it (from template validate). */
export interface TemplateParameter {
  name: string;
  type: 'string' | 'number' | 'boolean' | 'json' | 'comma_delimited_list' | string;
  label: string | null;
  description: string;
  default: unknown;
  hidden: boolean;
  constraints: TemplateConstraint[];
}

export type TemplateConstraint =
  | { kind: 'allowed_values'; values: unknown[]; description: string | null }
  | { kind: 'length' | 'range'; min: number | null; max: number | null; description: string | null }
  | { kind: 'allowed_pattern'; pattern: string; description: string | null }
  | { kind: 'custom_constraint'; name: string; description: string | null };

/** What a template and its environment need before create: files by the names they reference. */
export interface TemplateBundle {
  template: string;
  environment: string | null;
  /** File name or URL as referenced → content. */
  files: Record<string, string>;
}
