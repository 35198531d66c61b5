// Fixtures of this project run side by side: most of their time is spent waiting on child osf processes, the
// emulators and SQLite, not on the CPU. Each fixture owns what it touches (emulators on port 0, temp folders, its own
// osf processes, which also put their console on a free port); the built osf binary is shared read-only, and the only
// process-wide changes a test makes are idempotent (the emulator harness clears the OSF_* connection variables; the
// browser tests set PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1). The tests of one fixture run one after another unless the
// fixture says otherwise (those whose tests each start their own processes do). A fixture that cannot run beside
// others is marked [NonParallelizable] with the reason next to it.
//
// Four at a time on the 2-core test machine: while one test's osf process starts up or compiles the rules (CPU), the
// others wait on theirs.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(4)]
