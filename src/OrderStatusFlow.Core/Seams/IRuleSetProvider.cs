namespace OrderStatusFlow.Core.Seams;

/// <summary>Hands out the current rule set; a reload swaps it as a whole.</summary>
/// <remarks>
/// Read <see cref="Current"/> once per PO and evaluate that PO with that instance only, so no PO is evaluated by a mix
/// of old and new rules. Never throws: a failed reload keeps the last good set.
/// </remarks>
public interface IRuleSetProvider
{
    IRuleSet Current { get; }
}
