import { GuideTip } from '@/components/guide/guide-tip';

/** The guide's advice for reading a stack and the CLI that shows the same, for this stack by name. */
export function StackDetailGuide({ name, texts }: { name: string; texts: { title: string; tip: string; cli: string; curlNote: string } }) {
  const arg = /^[A-Za-z0-9._-]+$/.test(name) ? name : `'${name.replace(/'/g, `'\\''`)}'`;
  return (
    <GuideTip
      title={texts.title}
      tip={texts.tip}
      cliLabel={texts.cli}
      commands={[
        `openstack stack show ${arg}`,
        `openstack stack resource list --nested-depth 2 ${arg}`,
        `openstack stack event list ${arg}`,
        `openstack stack output list ${arg}`,
        `openstack stack output show ${arg} scale_up_url`,
        texts.curlNote,
        `curl -X POST -H "X-Auth-Token: $(openstack token issue -f value -c id)" "$(openstack stack output show ${arg} scale_up_url -f value -c output_value)"`,
      ]}
    />
  );
}
