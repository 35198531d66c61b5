using System.Reflection;
using System.Runtime.Loader;

namespace OrderStatusFlow.Rules.Compilation;

/// <summary>
/// A collectible load context holding the assemblies of one rule set version. Everything the scripts reference
/// (runtime, Core, Rules) resolves from the default context, so types are shared and only script code is unloaded.
/// </summary>
internal sealed class RuleLoadContext : AssemblyLoadContext
{
    public RuleLoadContext(string version) : base($"rules-{version}", isCollectible: true)
    {
    }

    protected override Assembly? Load(AssemblyName assemblyName) => null;
}
