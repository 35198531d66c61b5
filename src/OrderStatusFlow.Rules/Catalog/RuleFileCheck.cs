using System.Runtime.InteropServices;

namespace OrderStatusFlow.Rules.Catalog;

/// <summary>
/// Decides whether a file in the rules folder may be read at all: only regular files (a FIFO would block the reload
/// forever, a device could stream without end), inside the folder (a symbolic link to a file elsewhere is refused, so
/// no error message ever quotes a file outside it), and no larger than <see cref="MaxBytes"/>.
/// </summary>
internal static partial class RuleFileCheck
{
    /// <summary>The largest rule file read. 256 KiB: the shipped rules are a few KiB each.</summary>
    public const long MaxBytes = 256 * 1024;

    /// <summary>Why <paramref name="path"/> is not read, or null when it may be read.</summary>
    public static string? Problem(string folder, string path)
    {
        var info = new FileInfo(path);
        var target = path;
        if (info.LinkTarget is not null)
        {
            var final = File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName;
            var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
            if (final is null || !final.StartsWith(root, StringComparison.Ordinal))
                return "is a symbolic link to a file outside the rules folder; rules are read only from files inside it";
            target = final;
        }
        if (FileType(target) is { } type && type != RegularFile)
            return "is not a regular file (a FIFO, socket or device); rules are read only from regular files";
        var length = new FileInfo(target).Length;
        return length > MaxBytes
            ? $"is {length / 1024:N0} KiB; a rule file may be at most {MaxBytes / 1024} KiB"
            : null;
    }

    const uint TypeMask = 0xF000; // S_IFMT
    const uint RegularFile = 0x8000; // S_IFREG

    // The file type from stat(2), without opening the file (opening a FIFO blocks). Null where unknown (not Linux
    // x64/arm64, or an older libc): then the file is read as before.
    static uint? FileType(string path)
    {
        if (!OperatingSystem.IsLinux())
            return null;
        var modeOffset = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => 24, // st_dev, st_ino, st_nlink (8 bytes each), then st_mode
            Architecture.Arm64 => 16, // st_dev, st_ino (8 bytes each), then st_mode
            _ => -1,
        };
        if (modeOffset < 0)
            return null;
        var buffer = new byte[256];
        try
        {
            if (stat(path, buffer) != 0)
                return null;
        }
        catch (EntryPointNotFoundException)
        {
            return null;
        }
        return BitConverter.ToUInt32(buffer, modeOffset) & TypeMask;
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int stat(string path, byte[] buffer);
}
