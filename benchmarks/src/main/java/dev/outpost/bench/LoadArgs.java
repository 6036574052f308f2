package dev.outpost.bench;

import java.nio.file.Path;

/** {@link JournalLoad}'s command line. */
record LoadArgs(int rate, int seconds, int warmupSeconds, int maxBatch, Path dir, boolean keep) {

    static final String USAGE = """
            usage: JournalLoad [--rate ACKS_PER_S] [--seconds S] [--warmup S] [--max-batch N] [--dir DIR] [--keep]
              --rate       acks offered per second; 0 = as fast as possible (default 10000)
              --seconds    measured duration (default 20)
              --warmup     unmeasured seconds before that, for the JIT (default 5)
              --max-batch  most acks per transaction (default 4096)
              --dir        where the database goes (default -Doutpost.bench.dir or /tmp; use a real disk)
              --keep       keep the database afterwards""";

    /** Null when help was asked for. */
    static LoadArgs parse(String[] argv) {
        int rate = 10_000;
        int seconds = 20;
        int warmup = 5;
        int maxBatch = 4096;
        Path dir = BenchJournals.directory();
        boolean keep = false;
        for (int i = 0; i < argv.length; i++) {
            switch (argv[i]) {
                case "--rate" -> rate = Integer.parseInt(argv[++i]);
                case "--seconds" -> seconds = Integer.parseInt(argv[++i]);
                case "--warmup" -> warmup = Integer.parseInt(argv[++i]);
                case "--max-batch" -> maxBatch = Integer.parseInt(argv[++i]);
                case "--dir" -> dir = Path.of(argv[++i]);
                case "--keep" -> keep = true;
                case "-h", "--help" -> {
                    return null;
                }
                default -> throw new IllegalArgumentException("unknown option " + argv[i] + "\n" + USAGE);
            }
        }
        return new LoadArgs(rate, seconds, warmup, maxBatch, dir, keep);
    }
}
