using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;

namespace OrderStatusFlow.Rules.Compilation;

/// <summary>The rule scripts of one folder, read at one moment, with the content hash that names the set.</summary>
internal sealed class RuleSource
{
    RuleSource(string directory, IReadOnlyList<RuleFile> files, IReadOnlyList<RuleDiagnostic> refused, string version)
    {
        Directory = directory;
        Files = files;
        Refused = refused;
        Version = version;
    }

    /// <summary>Files of the folder that were not read (not regular, a link out of the folder, too large): each rejects the set.</summary>
    public IReadOnlyList<RuleDiagnostic> Refused { get; }

    public string Directory { get; }

    /// <summary>The <c>*.csx</c> files in file-name order (ordinal).</summary>
    public IReadOnlyList<RuleFile> Files { get; }

    /// <summary>Short hex hash of the file names and contents.</summary>
    public string Version { get; }

    /// <summary>Files and hashes as the JSON array stored in <c>rule_loads.files_json</c>.</summary>
    public string ToFilesJson() =>
        new JArray(Files.Select(f => new JObject { ["file"] = f.Name, ["sha256"] = f.Hash })).ToString(Newtonsoft.Json.Formatting.None);

    /// <summary>Reads every <c>*.csx</c> of <paramref name="directory"/>; retries briefly while a file is being written.</summary>
    public static RuleSource Read(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
            throw new DirectoryNotFoundException($"The rules folder '{directory}' does not exist: create it or pass --rules with the folder holding the *.csx rule scripts.");
        var folderName = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)));
        var files = new List<RuleFile>();
        var refused = new List<RuleDiagnostic>();
        foreach (var path in System.IO.Directory.GetFiles(directory, "*.csx").OrderBy(Path.GetFileName, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (Catalog.RuleFileCheck.Problem(directory, path) is { } problem)
            {
                refused.Add(new RuleDiagnostic($"{folderName}/{name}", 1, 1, $"error RULE003: {name} {problem}"));
                continue;
            }
            var text = ReadWithRetry(path);
            files.Add(new RuleFile(name, $"{folderName}/{name}", text, Hash(text)));
        }
        return Create(directory, files, refused);
    }

    public static RuleSource Create(string directory, IReadOnlyList<RuleFile> files, IReadOnlyList<RuleDiagnostic>? refused = null)
    {
        refused ??= [];
        var all = new StringBuilder();
        foreach (var file in files)
            all.Append(file.Name).Append('\n').Append(file.Text).Append('\0');
        foreach (var problem in refused)
            all.Append(problem.Message).Append('\0');
        return new RuleSource(directory, files, refused, Hash(all.ToString())[..12]);
    }

    static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    static string ReadWithRetry(string path)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return File.ReadAllText(path);
            }
            catch (IOException) when (attempt < 10)
            {
                // An editor may still hold the file open for writing; the next attempt usually succeeds.
                Thread.Sleep(30);
            }
        }
    }
}
