import { describe, expect, it } from 'vitest';
import { fixture, identity } from './hot-test-support';
import { parseEnvironment, parseTemplate, planNestedStack, planStack, resolveOutputs, resolveProperties, type StackRuntime } from './index';

const runtime: StackRuntime = {
  refId: (r) => `id-${r}`,
  attribute: (r, a) => (a === 'vip' ? { port_id: `vip-port-of-${r}`, address: '10.0.0.9' } : `${r}.${a}`),
};

describe('planStack with the fixture scenarios', () => {
  it('rhosp8-cpu: the environment maps the Cirros type to file:///…/cirros.yaml, found by base name', async () => {
    const files = { 'cirros.yaml': fixture('rhosp8-cpu/cirros.yaml') };
    const plan = await planStack({
      template: parseTemplate(fixture('rhosp8-cpu/example.yaml'), { files }),
      environment: parseEnvironment(fixture('rhosp8-cpu/environment.yaml')),
      identity,
    });
    expect(plan.createOrder.indexOf('scaleup_group')).toBeLessThan(plan.createOrder.indexOf('scaleup_policy'));
    expect(plan.createOrder.indexOf('scaleup_policy')).toBeLessThan(plan.createOrder.indexOf('cpu_alarm_high'));
    expect(plan.deleteOrder).toEqual([...plan.createOrder].reverse());
    const member = plan.resources.scaleup_group?.member;
    expect(member?.type).toBe('OS::Nova::Server::Cirros');
    const nested = member?.nested;
    expect(nested?.createOrder.indexOf('volume')).toBeLessThan(nested!.createOrder.indexOf('server'));
    expect(nested?.createOrder.indexOf('port')).toBeLessThan(nested!.createOrder.indexOf('floating_ip_assoc'));
    expect(resolveProperties(plan, 'cpu_alarm_high', runtime).alarm_actions).toEqual(['scaleup_policy.alarm_url']);
  });

  it('rhosp8-webapp: a template file named directly as the member type; outputs resolve', async () => {
    const files = { 'lb-env.yaml': fixture('rhosp8-webapp/lb-env.yaml') };
    const plan = await planStack({ template: parseTemplate(fixture('rhosp8-webapp/lb-webserver-rhel7.yaml'), { files }), identity });
    expect(plan.resources.webserver?.dependsOn).toEqual(['pool']);
    expect(plan.resources.pool?.dependsOn).toEqual(['monitor']);
    expect(plan.createOrder.indexOf('monitor')).toBeLessThan(plan.createOrder.indexOf('webserver'));
    expect(plan.resources.webserver?.member?.schema.attributes).toContain('server_ip');
    const props = resolveProperties(plan, 'webserver', runtime);
    expect((props.resource as { properties: Record<string, unknown> }).properties).toMatchObject({
      pool_id: 'id-pool',
      metadata: { 'metering.stack': identity.stackId },
      image: 'RHEL 7',
    });
    expect(resolveProperties(plan, 'lb_floating', runtime).port_id).toBe('vip-port-of-pool');
    const outputs = resolveOutputs(plan, runtime);
    expect(outputs.find((o) => o.output_key === 'website_url')?.output_value).toBe(
      'http://lb_floating.floating_ip_address/hostname.php',
    );
    expect(outputs.find((o) => o.output_key === 'ceilometer_query')?.output_value).toContain(
      `metadata.user_metadata.stack=${identity.stackId}`,
    );
    expect(outputs.find((o) => o.output_key === 'scale_up_url')?.description).toMatch(/^This URL is the webhook/);
  });

  it('rhosp16-gnocchi: ~/stacks/example1/cirros.yaml resolves to the uploaded cirros.yaml', async () => {
    const files = { 'cirros.yaml': fixture('rhosp16-gnocchi/cirros.yaml') };
    const plan = await planStack({
      template: parseTemplate(fixture('rhosp16-gnocchi/template.yaml'), { files }),
      environment: parseEnvironment(fixture('rhosp16-gnocchi/environment.yaml')),
      identity,
    });
    const alarm = resolveProperties(plan, 'cpu_alarm_high', runtime);
    expect(alarm.alarm_actions).toEqual(['trust+scaleup_policy.signal_url']);
    expect(alarm.query).toBe(`{"=": {"server_group": "${identity.stackId}"}}`);
    expect(alarm.repeat_actions).toBe(true);
    const outs = resolveOutputs(plan, runtime).map((o) => [o.output_key, o.output_value]);
    expect(outs).toEqual([
      ['scaleup_policy_signal_url', 'scaleup_policy.signal_url'],
      ['scaledown_policy_signal_url', 'scaledown_policy.signal_url'],
    ]);
  });

  it('names the missing file when the environment points at a template that was not given', async () => {
    const template = parseTemplate(fixture('rhosp16-gnocchi/template.yaml'));
    const plan = planStack({ template, environment: parseEnvironment(fixture('rhosp16-gnocchi/environment.yaml')), identity });
    await expect(plan).rejects.toThrow(
      'Could not fetch remote template "~/stacks/example1/cirros.yaml": the file "cirros.yaml" was not provided.',
    );
  });

  it('refuses the Cirros type without an environment', async () => {
    const plan = planStack({ template: parseTemplate(fixture('rhosp8-cpu/example.yaml')), identity });
    await expect(plan).rejects.toThrow('The Resource Type (OS::Nova::Server::Cirros) could not be found.');
  });
});

const tpl = (body: string) => parseTemplate(`heat_template_version: 2016-10-14\n${body}`);

describe('planStack checks', () => {
  it('refuses an unknown resource type', async () => {
    await expect(planStack({ template: tpl('resources:\n  x: {type: OS::Nope::Thing}\n'), identity })).rejects.toThrow(
      'The Resource Type (OS::Nope::Thing) could not be found.',
    );
  });

  it('refuses unknown and missing properties, bad literal types and values', async () => {
    const cases: [string, string][] = [
      ['v: {type: OS::Cinder::Volume, properties: {sise: 1}}', 'Unknown Property sise'],
      ['s: {type: OS::Nova::Server, properties: {image: x}}', 'Property flavor not assigned'],
      ['v: {type: OS::Cinder::Volume, properties: {size: big}}', "Value 'big' is not an integer"],
      [
        'p: {type: OS::Heat::ScalingPolicy, properties: {auto_scaling_group_id: g, scaling_adjustment: 1, adjustment_type: lots}}',
        '"lots" is not an allowed value',
      ],
      [
        'p: {type: OS::Heat::ScalingPolicy, properties: {auto_scaling_group_id: g, scaling_adjustment: 1, adjustment_type: change_in_capacity, min_adjustment_step: 2}}',
        'min_adjustment_step property should only be specified',
      ],
      [
        'g: {type: OS::Heat::AutoScalingGroup, properties: {min_size: 3, max_size: 1, resource: {type: OS::Cinder::Volume}}}',
        'min_size can not be greater than max_size',
      ],
      [
        'g: {type: OS::Heat::AutoScalingGroup, properties: {min_size: 1, max_size: 3, desired_capacity: 5, resource: {type: OS::Cinder::Volume}}}',
        'desired_capacity must be between 1 and 3',
      ],
      [
        'g: {type: OS::Heat::AutoScalingGroup, properties: {min_size: 1, max_size: 3, resource: {type: OS::Cinder::Volume, properties: {sise: 1}}}}',
        'Property error: resources.g.resource.properties: Unknown Property sise',
      ],
    ];
    for (const [res, message] of cases) {
      await expect(planStack({ template: tpl(`resources:\n  ${res}\n`), identity })).rejects.toThrow(message);
    }
  });

  it('refuses references to unknown resources, attributes and parameters', async () => {
    await expect(
      planStack({ template: tpl('resources:\n  a: {type: OS::Cinder::Volume, properties: {name: {get_resource: b}}}\n'), identity }),
    ).rejects.toThrow('The specified reference "b" (in a.Properties.name) is incorrect.');
    await expect(
      planStack({ template: tpl('resources:\n  a: {type: OS::Cinder::Volume}\noutputs:\n  o: {value: {get_attr: [a, colour]}}\n'), identity }),
    ).rejects.toThrow('The Referenced Attribute (a colour) is incorrect.');
    await expect(
      planStack({ template: tpl('resources:\n  a: {type: OS::Cinder::Volume, properties: {name: {get_param: nope}}}\n'), identity }),
    ).rejects.toThrow('The Parameter (nope) was not provided.');
    await expect(planStack({ template: tpl('resources:\n  a: {type: OS::Cinder::Volume, depends_on: [zz]}\n'), identity })).rejects.toThrow(
      'The specified reference "zz" (in a) is incorrect.',
    );
  });

  it('orders explicit and implicit dependencies and refuses a cycle, naming it', async () => {
    const plan = await planStack({
      template: tpl(
        'resources:\n  c: {type: OS::Cinder::Volume, depends_on: b}\n  b: {type: OS::Cinder::Volume, properties: {name: {get_attr: [a, display_name]}}}\n  a: {type: OS::Cinder::Volume}\n',
      ),
      identity,
    });
    expect(plan.createOrder).toEqual(['a', 'b', 'c']);
    expect(plan.deleteOrder).toEqual(['c', 'b', 'a']);
    await expect(
      planStack({
        template: tpl(
          'resources:\n  a: {type: OS::Cinder::Volume, depends_on: c}\n  b: {type: OS::Cinder::Volume, depends_on: a}\n  c: {type: OS::Cinder::Volume, properties: {name: {get_resource: b}}}\n  d: {type: OS::Cinder::Volume}\n',
        ),
        identity,
      }),
    ).rejects.toThrow('Circular Dependency Found: a -> c -> b -> a');
  });

  it('leaves out resources and outputs whose condition is false', async () => {
    const template = tpl(
      'parameters:\n  env: {type: string, default: dev}\nconditions:\n  prod: {equals: [{get_param: env}, prod]}\n' +
        'resources:\n  big: {type: OS::Cinder::Volume, condition: prod, properties: {size: 100}}\n' +
        '  small: {type: OS::Cinder::Volume, properties: {size: {if: [prod, 10, 1]}}}\n' +
        'outputs:\n  big_id: {value: {get_resource: big}, condition: prod}\n  small_id: {value: {get_resource: small}}\n',
    );
    const dev = await planStack({ template, identity });
    expect(dev.createOrder).toEqual(['small']);
    expect(resolveProperties(dev, 'small', runtime).size).toBe(1);
    expect(resolveOutputs(dev, runtime).map((o) => o.output_key)).toEqual(['small_id']);
    const prod = await planStack({ template, identity, parameters: { env: 'prod' } });
    expect(prod.createOrder).toEqual(['big', 'small']);
    expect(resolveProperties(prod, 'small', runtime).size).toBe(10);
  });

  it('reports an output whose value fails on that output only', async () => {
    const plan = await planStack({
      template: tpl('resources:\n  a: {type: OS::Cinder::Volume}\noutputs:\n  good: {value: {get_resource: a}}\n  bad: {value: {get_file: missing.sh}}\n'),
      identity,
    });
    const outs = resolveOutputs(plan, runtime);
    expect(outs[0]).toMatchObject({ output_key: 'good', output_value: 'id-a', description: 'No description given' });
    expect(outs[1]).toMatchObject({
      output_key: 'bad',
      output_value: null,
      output_error: 'No content found in the "files" section for get_file path: missing.sh',
    });
  });
});

describe('planNestedStack', () => {
  it('plans a webapp member with the resolved member properties as its parameters', async () => {
    const files = { 'lb-env.yaml': fixture('rhosp8-webapp/lb-env.yaml') };
    const plan = await planStack({ template: parseTemplate(fixture('rhosp8-webapp/lb-webserver-rhel7.yaml'), { files }), identity });
    const member = await planNestedStack(plan, 'webserver', runtime, { ...identity, stackId: 'member-1' });
    expect(member?.parameters.pool_id?.value).toBe('id-pool');
    expect(member?.parameters.metadata?.value).toEqual({ 'metering.stack': identity.stackId });
    expect(member?.parameters['OS::stack_id']?.value).toBe('member-1');
    expect(member?.createOrder).toEqual(['port', 'server', 'member']);
    const outs = resolveOutputs(member!, { refId: (r) => r, attribute: () => '10.0.0.7' });
    expect(outs.find((o) => o.output_key === 'server_ip')?.output_value).toBe('10.0.0.7');
  });

  it('plans the Cirros member through the environment, and nothing for a plugin type', async () => {
    const files = { 'cirros.yaml': fixture('rhosp16-gnocchi/cirros.yaml') };
    const plan = await planStack({
      template: parseTemplate(fixture('rhosp16-gnocchi/template.yaml'), { files }),
      environment: parseEnvironment(fixture('rhosp16-gnocchi/environment.yaml')),
      identity,
    });
    const member = await planNestedStack(plan, 'scaleup_group', runtime, identity);
    expect(member?.parameters.flavor?.value).toBe('m1.tiny');
    expect(member?.parameters.metadata?.value).toEqual({ 'metering.server_group': identity.stackId });
    expect(await planNestedStack(plan, 'scaleup_policy', runtime, identity)).toBeUndefined();
  });
});
