// GET /v2/capabilities: what this Aodh's API and alarm storage support.

export function capabilities() {
  return {
    api: {
      'alarms:query:simple': true,
      'alarms:query:complex': false,
      'alarms:history:query:simple': true,
      'alarms:history:query:complex': false,
    },
    alarm_storage: { 'storage:production_ready': true },
  };
}
