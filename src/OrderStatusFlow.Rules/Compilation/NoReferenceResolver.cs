using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace OrderStatusFlow.Rules.Compilation;

/// <summary>
/// Resolves neither <c>#r</c> nor <c>#load</c>: compiling a rule must not read any file but the rule itself (a
/// resolving <c>#load</c> would read an arbitrary file at compile time and could echo it in diagnostics).
/// </summary>
internal sealed class NoReferenceResolver : MetadataReferenceResolver
{
    public static NoReferenceResolver Instance { get; } = new();

    public override ImmutableArray<PortableExecutableReference> ResolveReference(string reference, string? baseFilePath, MetadataReferenceProperties properties) => [];

    public override bool Equals(object? other) => other is NoReferenceResolver;

    public override int GetHashCode() => nameof(NoReferenceResolver).GetHashCode(StringComparison.Ordinal);
}

/// <summary>The <c>#load</c> counterpart of <see cref="NoReferenceResolver"/>.</summary>
internal sealed class NoSourceResolver : SourceReferenceResolver
{
    public static NoSourceResolver Instance { get; } = new();

    public override string? NormalizePath(string path, string? baseFilePath) => path;

    public override string? ResolveReference(string path, string? baseFilePath) => null;

    public override Stream OpenRead(string resolvedPath) =>
        throw new NotSupportedException("Rules cannot load other files.");

    public override bool Equals(object? other) => other is NoSourceResolver;

    public override int GetHashCode() => nameof(NoSourceResolver).GetHashCode(StringComparison.Ordinal);
}
