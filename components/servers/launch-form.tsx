'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslations } from 'use-intl';

import { ApiErrorNotice } from '@/components/shell/api-error-notice';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Panel, PanelSkeleton } from '@/components/ui/panel';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { TextareaField } from '@/components/ui/textarea-field';
import { useToast } from '@/components/ui/toast';
import type { ApiErrorPayload } from '@/lib/api-error';
import type { LaunchOptions } from '@/lib/bff/launch';
import { flavorProblem } from '@/lib/compute/launch-rules';
import { outsideIngressRules } from '@/lib/network/outside-ingress';
import { ApiClientError, apiFetch } from '@/lib/query/api';
import { USER_DATA_MAX_BYTES, launchSchema } from '@/lib/validation/servers';

import { LaunchNetworkPicker } from './launch-network-picker';
import { LaunchSecurityGroupPicker } from './launch-security-group-picker';
import { MetadataEditor } from './metadata-editor';

type Source = 'image' | 'volume' | 'image-to-volume';

export function LaunchForm() {
  const t = useTranslations('launch');
  const router = useRouter();
  const toast = useToast();
  const queryClient = useQueryClient();
  const options = useQuery({ queryKey: ['launch-options'], queryFn: () => apiFetch<LaunchOptions>('/api/servers/launch-options') });
  const [name, setName] = useState('');
  const [count, setCount] = useState('1');
  const [source, setSource] = useState<Source>('image');
  const [imageId, setImageId] = useState('');
  const [volumeId, setVolumeId] = useState('');
  const [volumeSizeGb, setVolumeSizeGb] = useState('');
  const [deleteVolume, setDeleteVolume] = useState(false);
  const [flavorId, setFlavorId] = useState('');
  /** null until the user chooses: the project's own first network, or Nova's automatic choice. */
  const [networkChoice, setNetworkChoice] = useState<string[] | 'auto' | 'none' | null>(null);
  const [securityGroups, setSecurityGroups] = useState<string[]>(['default']);
  const [keyName, setKeyName] = useState('');
  const [userData, setUserData] = useState('');
  const [metadata, setMetadata] = useState<{ key: string; value: string }[]>([]);
  const [zone, setZone] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiErrorPayload | null>(null);
  const [busy, setBusy] = useState(false);

  const data = options.data;
  const image = data?.images.find((i) => i.id === imageId) ?? null;
  const countNumber = Math.max(1, Number(count) || 1);
  const userDataBytes = useMemo(() => new TextEncoder().encode(userData).length, [userData]);
  const flavorOptions = (data?.flavors ?? []).map((f) => {
    const problem = flavorProblem({ vcpus: f.vcpus, ramMb: f.ramMb, diskGb: f.diskGb }, countNumber, source === 'volume' ? null : image, data?.limits ?? null, source !== 'image');
    return {
      value: f.id,
      label: `${f.name} · ${t('flavorShape', { vcpus: f.vcpus, ram: f.ramMb, disk: f.diskGb })}${problem ? ` — ${t(`flavorProblems.${problem}`)}` : ''}`,
      disabled: problem !== null,
    };
  });
  const flavor = data?.flavors.find((f) => f.id === flavorId);
  const firstNetwork = data?.networks[0];
  const networks = networkChoice ?? (firstNetwork ? [firstNetwork.id] : 'auto');
  const chosenGroups = (data?.securityGroups ?? []).filter((g) => securityGroups.includes(g.name));
  const nothingGetsIn = chosenGroups.length > 0 && outsideIngressRules(chosenGroups).length === 0;
  const message = (code: string | undefined) => (code ? (t.has(`errors.${code}`) ? t(`errors.${code}`) : code) : null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const candidate = {
      name,
      count,
      source,
      imageId: source === 'volume' ? undefined : imageId || undefined,
      volumeId: source === 'volume' ? volumeId || undefined : undefined,
      volumeSizeGb: source === 'image-to-volume' ? volumeSizeGb || undefined : undefined,
      deleteVolumeOnTermination: deleteVolume,
      flavorId,
      networks: Array.isArray(networks) && networks.length === 0 ? 'none' : networks,
      securityGroups,
      keyName: keyName || undefined,
      userData: userData || undefined,
      metadata,
      availabilityZone: zone || undefined,
    };
    const parsed = launchSchema.safeParse(candidate);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
      setFieldErrors(errors);
      return;
    }
    setFieldErrors({});
    setBusy(true);
    try {
      await apiFetch('/api/servers', { method: 'POST', body: parsed.data });
      toast.show({ tone: 'success', title: t('launched', { count: parsed.data.count, name: parsed.data.name }) });
      await queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'servers' });
      router.push('/project/compute/instances');
    } catch (caught) {
      setBusy(false);
      if (caught instanceof ApiClientError) {
        if (caught.payload.fields) setFieldErrors(caught.payload.fields);
        setError(caught.payload);
      }
    }
  }

  if (options.isError) return <ApiErrorNotice error={options.error} />;
  if (!data) return <PanelSkeleton rows={10} />;

  return (
    <form onSubmit={submit} noValidate className="max-w-3xl space-y-6">
      {data.problems.map((p, i) => (
        <ApiErrorNotice key={i} error={p} />
      ))}
      {error && !error.fields && <ApiErrorNotice error={error} />}
      <Panel title={t('details')}>
        <div className="grid gap-4 sm:grid-cols-[1fr_8rem]">
          <TextField label={t('name')} value={name} onChange={(e) => setName(e.target.value)} error={message(fieldErrors.name)} required />
          <TextField label={t('count')} type="number" min={1} max={100} value={count} onChange={(e) => setCount(e.target.value)} error={message(fieldErrors.count)} />
        </div>
        <SelectField
          className="mt-4"
          label={t('zone')}
          value={zone}
          onChange={(e) => setZone(e.target.value)}
          options={[{ value: '', label: t('anyZone') }, ...data.zones.map((z) => ({ value: z, label: z }))]}
          error={message(fieldErrors.availabilityZone)}
        />
      </Panel>

      <Panel title={t('source')}>
        <fieldset className="space-y-2">
          <legend className="sr-only">{t('source')}</legend>
          {(['image', 'image-to-volume', 'volume'] as const).map((s) => (
            <label key={s} className="flex items-start gap-2 text-sm">
              <input type="radio" name="source" value={s} checked={source === s} onChange={() => setSource(s)} className="mt-1" />
              <span>
                <span className="font-medium">{t(`sources.${s}`)}</span>
                <span className="block text-xs text-slate-500">{t(`sourceHelp.${s}`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="mt-4 space-y-4">
          {source !== 'volume' && (
            <SelectField
              label={t('image')}
              value={imageId}
              onChange={(e) => setImageId(e.target.value)}
              options={[{ value: '', label: t('chooseImage') }, ...data.images.map((i) => ({ value: i.id, label: i.minDiskGb ? `${i.name} (${t('minDisk', { gb: i.minDiskGb })})` : i.name }))]}
              error={message(fieldErrors.imageId)}
            />
          )}
          {source === 'volume' && (
            <SelectField
              label={t('volume')}
              value={volumeId}
              onChange={(e) => setVolumeId(e.target.value)}
              options={[{ value: '', label: data.volumes.length ? t('chooseVolume') : t('noBootableVolumes') }, ...data.volumes.map((v) => ({ value: v.id, label: `${v.name} (${v.sizeGb} GB)` }))]}
              error={message(fieldErrors.volumeId)}
            />
          )}
          {source === 'image-to-volume' && (
            <TextField
              label={t('volumeSize')}
              type="number"
              min={Math.max(1, image?.minDiskGb ?? 1)}
              value={volumeSizeGb}
              onChange={(e) => setVolumeSizeGb(e.target.value)}
              error={message(fieldErrors.volumeSizeGb)}
            />
          )}
          {source !== 'image' && (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={deleteVolume} onChange={(e) => setDeleteVolume(e.target.checked)} />
              {t('deleteVolumeOnTermination')}
            </label>
          )}
        </div>
      </Panel>

      <Panel title={t('flavor')}>
        <SelectField
          label={t('flavor')}
          value={flavorId}
          onChange={(e) => setFlavorId(e.target.value)}
          options={[{ value: '', label: t('chooseFlavor') }, ...flavorOptions]}
          error={message(fieldErrors.flavorId)}
          hint={data.limits ? t('quotaHint', {
            cores: data.limits.cores.max < 0 ? '∞' : data.limits.cores.max - data.limits.cores.used,
            ram: data.limits.ram.max < 0 ? '∞' : data.limits.ram.max - data.limits.ram.used,
            instances: data.limits.instances.max < 0 ? '∞' : data.limits.instances.max - data.limits.instances.used,
          }) : undefined}
        />
        {flavor && data.limits && (
          <p className="mt-2 text-sm text-slate-700" role="status">
            {t('quotaUse', { cores: flavor.vcpus * countNumber, ram: flavor.ramMb * countNumber, count: countNumber })}
          </p>
        )}
      </Panel>

      <Panel title={t('access')}>
        <div className="space-y-4">
          <LaunchNetworkPicker networks={data.networks} value={networks} onChange={setNetworkChoice} error={message(fieldErrors.networks)} />
          <LaunchSecurityGroupPicker
            groups={data.securityGroups}
            value={securityGroups}
            onChange={setSecurityGroups}
            error={message(fieldErrors.securityGroups)}
          />
          {nothingGetsIn && <Alert tone="warning">{t('nothingGetsInWarning')}</Alert>}
          <SelectField
            label={t('keyPair')}
            value={keyName}
            onChange={(e) => setKeyName(e.target.value)}
            options={[{ value: '', label: t('noKeyPair') }, ...data.keyPairs.map((k) => ({ value: k, label: k }))]}
            error={message(fieldErrors.keyName)}
            hint={data.keyPairs.length ? undefined : t('noKeyPairsHint')}
          />
        </div>
      </Panel>

      <Panel title={t('configuration')}>
        <div className="space-y-4">
          <TextareaField
            label={t('userData')}
            rows={6}
            value={userData}
            onChange={(e) => setUserData(e.target.value)}
            error={message(fieldErrors.userData)}
            hint={t('userDataHint', { used: userDataBytes, max: USER_DATA_MAX_BYTES })}
          />
          <MetadataEditor entries={metadata} onChange={setMetadata} error={message(fieldErrors.metadata)} />
        </div>
      </Panel>

      <div className="flex gap-2">
        <Button type="submit" busy={busy}>
          {busy ? t('launching') : t('submit', { count: countNumber })}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.push('/project/compute/instances')}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}
