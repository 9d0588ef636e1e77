// kube-posture's command line: `kube-posture scan …` (bin/kube-posture.mjs runs this file).
import { checkKubeconfig } from './check-kubeconfig';
import { fleet } from './fleet';
import { scan } from './scan';

const USAGE = `usage: kube-posture <command> [options]

commands
  scan      read a cluster, a folder of manifests or a kubectl dump and print its posture
            (kube-posture scan --help for its options)
  fleet     ingest tokens for agents that push to this hub (kube-posture fleet token create|revoke|list)
  --check-kubeconfig [FILE]
            check a kubeconfig and the local kubectl (kube-posture --check-kubeconfig --help)`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  // Also as `scan --check-kubeconfig`: the kubeconfig is checked instead of scanning a cluster.
  if (argv.includes('--check-kubeconfig')) return checkKubeconfig(command === 'scan' ? rest : argv);
  if (command === 'scan') return scan(rest);
  if (command === 'fleet') return fleet(rest);
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (command === undefined) {
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  // `kube-posture --from x` (no command) was the old `npm run scan --` form: say what to type.
  const hint = command.startsWith('-') ? `; did you mean: kube-posture scan ${argv.join(' ')}` : '';
  process.stderr.write(`kube-posture: unknown command ${command}${hint}\n${USAGE}\n`);
  return 2;
}

/** Runs a command as the kube-posture process does (bin/kube-posture.mjs): its exit code, a reader
 *  that stops early (`kube-posture scan … | head`) no error, anything thrown one line and exit 2. */
export async function run(argv: string[]): Promise<void> {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  try {
    process.exitCode = await main(argv);
  } catch (e) {
    process.stderr.write(`kube-posture: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  }
}
