namespace OrderStatusFlow.Core.Binding;

/// <summary>
/// On a <c>Dictionary&lt;string, string&gt;</c> property: each value may be a string, a number or a boolean, and is
/// kept as its text (<c>true</c>/<c>false</c>, invariant-culture numbers). Arrays, objects and null are reported.
/// Used for <c>settings</c>, which the rules read as strings.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ScalarsAsTextAttribute : Attribute
{
}
