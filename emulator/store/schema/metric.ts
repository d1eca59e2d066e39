// Gnocchi's resources, metrics and posted measures, and the simulated CPU loads (migration 0014).

export interface MetricResourceTable {
  id: string;
  type: string;
  project_id: string | null;
  user_id: string | null;
  original_resource_id: string;
  started_at: string;
  ended_at: string | null;
  revision_start: string;
  created_by_user_id: string;
  created_by_project_id: string;
  /** JSON object of the resource type's own attributes (display_name, host, server_group...). */
  attributes: string;
  /** For instances: what the simulation computes samples from; null otherwise. */
  vcpus: number | null;
  memory_mb: number | null;
}

export interface MetricTable {
  id: string;
  resource_id: string | null;
  name: string | null;
  archive_policy_name: string;
  unit: string | null;
  created_by_user_id: string;
  created_by_project_id: string;
  /** 1 when the simulation computes its measures (instance cpu, cpu_util...). */
  simulated: number;
}

export interface MetricMeasureTable {
  metric_id: string;
  /** Epoch ms. */
  timestamp_ms: number;
  value: number;
}

export interface MetricLoadTable {
  server_id: string;
  /** Epoch ms from which the load applies. */
  since_ms: number;
  cpu_percent: number;
}
