using System.Diagnostics;
using System.IO.MemoryMappedFiles;
using System.Text;
using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.Rules.Isolation;

/// <summary>
/// The last line of defence for what no check inside the process can stop (a stack overflow in framework code, a
/// framework call that never returns). Before each evaluation the PO and rules version are written into a slot of a
/// small memory-mapped file (memory writes only; the kernel keeps them when the process dies). A watchdog thread ends
/// the process when an evaluation runs past <see cref="WatchdogLimit"/>. The supervising parent process
/// (<c>osf run</c>) reads the slots of a dead child, records those POs as poisoned for that rules version, and starts
/// a new child, which fails those POs with a clear reason instead of evaluating them again. When several
/// evaluations were in flight (the rules stage runs more than one at a time), the dead child cannot say which one
/// killed it: all of them become suspects, and the next child evaluates each suspect alone (no other evaluation runs
/// meanwhile), so a second crash names the culprit and the innocent ones simply pass.
/// </summary>
public sealed unsafe class RuleCrashGuard : IDisposable
{
    const int SlotCount = 64;
    const int SlotSize = 256;
    const int TextOffset = 16;
    const int TextBytes = SlotSize - TextOffset;

    readonly MemoryMappedFile _file;
    readonly MemoryMappedViewAccessor _view;
    readonly byte* _slots;
    readonly IReadOnlyDictionary<(string SysId, string Version), string> _poisoned;
    readonly IReadOnlySet<(string SysId, string Version)> _suspects;
    // Taken only while there are suspects: shared by every evaluation, exclusive for a suspect's.
    readonly ReaderWriterLockSlim _isolation = new(LockRecursionPolicy.NoRecursion);
    readonly Thread? _watchdog;
    int _nextSlot = -1;
    volatile bool _disposed;
    [ThreadStatic] static int t_slotPlusOne;
    [ThreadStatic] static RuleCrashGuard? t_owner;
    [ThreadStatic] static int t_isolation; // 0 none, 1 shared, 2 exclusive (held from Enter to Exit on this thread)

    RuleCrashGuard(string folder, TimeSpan watchdogLimit, bool watch)
    {
        Folder = folder;
        WatchdogLimit = watchdogLimit;
        _file = MemoryMappedFile.CreateFromFile(SlotsPath(folder), FileMode.OpenOrCreate, null, SlotCount * SlotSize, MemoryMappedFileAccess.ReadWrite);
        _view = _file.CreateViewAccessor(0, SlotCount * SlotSize);
        byte* pointer = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        _slots = pointer + _view.PointerOffset;
        (_poisoned, _suspects) = PoisonList.Read(folder);
        if (watch)
        {
            _watchdog = new Thread(Watch) { IsBackground = true, Name = "osf rule watchdog" };
            _watchdog.Start();
        }
    }

    /// <summary>The environment variable through which the supervisor hands its child the guard's folder.</summary>
    public const string FolderVariable = "OSF_RULE_GUARD";

    /// <summary>The folder holding the slots file and the poison list (shared by the supervisor and its children).</summary>
    public string Folder { get; }

    /// <summary>An evaluation running longer than this ends the process (the supervisor restarts it). Default 20 s (under the 30 s a stop may take to drain; far above any budgeted rule).</summary>
    public TimeSpan WatchdogLimit { get; }

    /// <summary>POs that killed an earlier process, with the rules version they killed it with.</summary>
    public int PoisonedCount => _poisoned.Count;

    /// <summary>
    /// The guard rule evaluation in this process uses (set when the process runs under the supervisor and its rules
    /// stage is built); null otherwise. The console and metrics read its <see cref="PoisonedCount"/>.
    /// </summary>
    public static RuleCrashGuard? Process { get; internal set; }

    /// <summary>Opens the guard of a supervised child (the folder its supervisor passed) and starts the watchdog.</summary>
    public static RuleCrashGuard Open(string folder, TimeSpan? watchdogLimit = null) =>
        new(folder, watchdogLimit ?? TimeSpan.FromSeconds(20), watch: true);

    internal static string SlotsPath(string folder) => Path.Combine(folder, "in-flight.slots");

    /// <summary>Marks the start of one PO's evaluation on this thread; fails the PO when it killed a process before.</summary>
    /// <exception cref="SyncException">The PO killed an earlier process with this rules version.</exception>
    public void Enter(PurchaseOrder po, string version)
    {
        if (_poisoned.Count > 0 && _poisoned.TryGetValue((po.SysId, version), out var reason))
            throw new SyncException(FailureKind.Rule,
                $"{reason}; the PO is skipped for rules {version} (fix the rule and save it: a new rules version evaluates it again)");
        if (_disposed)
            return;
        if (_suspects.Count > 0)
        {
            if (_suspects.Contains((po.SysId, version)))
            {
                _isolation.EnterWriteLock();
                t_isolation = 2;
            }
            else
            {
                _isolation.EnterReadLock();
                t_isolation = 1;
            }
        }
        var slot = Slot();
        var text = $"{po.Number}\n{po.SysId}\n{version}";
        var length = Encoding.UTF8.GetBytes(text, new Span<byte>(slot + TextOffset, TextBytes));
        *(int*)(slot + 8) = length;
        Volatile.Write(ref *(long*)slot, Stopwatch.GetTimestamp());
    }

    /// <summary>Marks the end of the evaluation started by <see cref="Enter"/> on this thread.</summary>
    public void Exit()
    {
        if (t_slotPlusOne > 0 && ReferenceEquals(t_owner, this) && !_disposed)
            Volatile.Write(ref *(long*)(_slots + (t_slotPlusOne - 1) * SlotSize), 0L);
        if (t_isolation == 1)
            _isolation.ExitReadLock();
        else if (t_isolation == 2)
            _isolation.ExitWriteLock();
        t_isolation = 0;
    }

    byte* Slot()
    {
        if (t_slotPlusOne == 0 || !ReferenceEquals(t_owner, this))
        {
            t_slotPlusOne = (int)((uint)Interlocked.Increment(ref _nextSlot) % SlotCount) + 1;
            t_owner = this;
        }
        return _slots + (t_slotPlusOne - 1) * SlotSize;
    }

    void Watch()
    {
        var limit = (long)(WatchdogLimit.TotalSeconds * Stopwatch.Frequency);
        while (!_disposed)
        {
            Thread.Sleep(250);
            if (_disposed)
                return;
            var now = Stopwatch.GetTimestamp();
            for (var i = 0; i < SlotCount; i++)
            {
                var slot = _slots + i * SlotSize;
                var started = Volatile.Read(ref *(long*)slot);
                if (started == 0 || now - started <= limit)
                    continue;
                // Flag the slot so the supervisor can say why, then end the process: no thread can be stopped in .NET.
                *(int*)(slot + 12) = 1;
                Environment.FailFast($"osf: a rule evaluation ran more than {WatchdogLimit.TotalSeconds:0} s (a framework call that never returns); ending the process so the supervisor restarts it without that PO");
            }
        }
    }

    /// <summary>
    /// For the supervisor after a child died; every slot is cleared. The evaluation that killed it is the one the
    /// watchdog flagged, else the only one in flight: it is added to the poison list. With several in flight and none
    /// flagged, each becomes a suspect (evaluated alone by the next child). Returns one line for the log, or null when
    /// no evaluation was in flight.
    /// </summary>
    public static string? CollectInFlight(string folder, int exitCode)
    {
        var path = SlotsPath(folder);
        if (!File.Exists(path))
            return null;
        var inFlight = new List<(string[] Parts, bool TimedOut)>();
        using (var file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, SlotCount * SlotSize, MemoryMappedFileAccess.ReadWrite))
        using (var view = file.CreateViewAccessor(0, SlotCount * SlotSize))
        {
            for (var i = 0; i < SlotCount; i++)
            {
                var offset = i * SlotSize;
                var started = view.ReadInt64(offset);
                if (started == 0)
                    continue;
                var length = Math.Clamp(view.ReadInt32(offset + 8), 0, TextBytes);
                var timedOut = view.ReadInt32(offset + 12) == 1;
                var bytes = new byte[length];
                view.ReadArray(offset + TextOffset, bytes, 0, length);
                var parts = Encoding.UTF8.GetString(bytes).Split('\n');
                view.Write(offset, 0L);
                view.Write(offset + 12, 0);
                if (parts.Length == 3)
                    inFlight.Add((parts, timedOut));
            }
        }
        if (inFlight.Count == 0)
            return null;
        var flagged = inFlight.Where(s => s.TimedOut).ToList();
        if (flagged.Count == 0 && inFlight.Count > 1)
        {
            foreach (var suspect in inFlight)
                PoisonList.AppendSuspect(folder, suspect.Parts[1], suspect.Parts[2]);
            return $"POs {string.Join(", ", inFlight.Select(s => s.Parts[0]))} were being evaluated when the process died (exit code {exitCode}); "
                + "each is evaluated alone from now on, so a second crash names the one that caused it";
        }
        var culprit = flagged.Count > 0 ? flagged[0] : inFlight[0];
        var reason = culprit.TimedOut
            ? "the rules did not finish for this PO within the watchdog limit, so the process was restarted"
            : $"the process died (exit code {exitCode}, e.g. a stack overflow inside a framework call) while the rules evaluated this PO";
        PoisonList.Append(folder, culprit.Parts[1], culprit.Parts[2], reason);
        return $"PO {culprit.Parts[0]} ({culprit.Parts[1]}) with rules {culprit.Parts[2]}: {reason}";
    }

    public void Dispose()
    {
        if (_disposed)
            return;
        // The watchdog reads the slots through the pointer: it must have stopped before the view goes.
        _disposed = true;
        _watchdog?.Join();
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _file.Dispose();
    }
}
