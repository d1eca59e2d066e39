// A deterministic console log for a server: the lines a cirros guest prints while booting,
// with the server's own name, address and timestamps, so `console log show` has something
// true to say and tests can count lines.

import type { Server } from '../../store/servers';
import { hostnameOf } from './server-views';

export function consoleLines(server: Server): string[] {
  if (server.launchedAt === null) return [];
  const address = server.fixedIp ?? 'none';
  const host = hostnameOf(server.name);
  const lines = [
    '[    0.000000] Linux version 5.15.0-71-generic (buildd@lcy02-amd64-044) (gcc 11.3.0) #78-Ubuntu SMP',
    `[    0.000000] Command line: BOOT_IMAGE=/vmlinuz root=LABEL=cirros-rootfs ro console=tty1 console=ttyS0`,
    `[    0.000000] DMI: OpenStack Foundation OpenStack Nova, BIOS 1.16.3 04/01/2014`,
    `[    0.412345] Memory: ${server.flavor.ram * 1024}K available`,
    `[    0.523456] smpboot: Allowing ${server.flavor.vcpus} CPUs, 0 hotplug CPUs`,
    '[    1.104322] virtio_blk virtio2: [vda] 2097152 512-byte logical blocks',
    '[    1.882011] EXT4-fs (vda1): mounted filesystem with ordered data mode.',
    'Starting logging: OK',
    'Initializing random number generator: OK',
    'Starting network: udhcpc: started, v1.36.1',
    address === 'none' ? 'udhcpc: no lease, failing' : `udhcpc: lease of ${address} obtained, lease time 86400`,
    'checking http://169.254.169.254/2009-04-04/instance-id',
    `successful after 1/20 tries: up 2.41. iid=${server.id}`,
    `hostname: ${host}`,
    'Starting dropbear sshd: OK',
    '=== system information ===',
    `Platform: OpenStack Foundation OpenStack Nova`,
    `Container: none`,
    `Arch: x86_64`,
    `CPU(s): ${server.flavor.vcpus} @ 2394.454 MHz`,
    `Memory: ${server.flavor.ram} MB`,
    '=== datasource: ec2 net ===',
    `instance-id: ${server.id}`,
    `name: ${server.name}`,
    `local-ipv4: ${address}`,
    '=== cirros: current=0.6.2 latest=0.6.2 uptime=3.12 ===',
    `login as 'cirros' user. default password: 'gocubsgo'. use 'sudo' for root.`,
    `${host} login:`,
  ];
  return lines;
}

/** The last `length` lines (all when length is undefined or negative), as Nova's tail does. */
export function consoleOutput(server: Server, length?: number): string {
  const lines = consoleLines(server);
  const tail = length === undefined || length < 0 ? lines : length === 0 ? [] : lines.slice(-length);
  return tail.length ? `${tail.join('\n')}\n` : '';
}
