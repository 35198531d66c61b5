using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.Rules.Protection;

/// <summary>Finds a protected field among the writes a rule asked for (run after every script, so the file is known).</summary>
internal static class ProtectedFieldCheck
{
    /// <summary>Why the outcome may not be written, or null when it writes no protected field.</summary>
    public static string? FindWrite(RuleOutcome outcome, ProtectedFields protectedFields)
    {
        foreach (var field in outcome.PoFields.Keys)
            if (protectedFields.Problem(field) is { } problem)
                return problem;
        foreach (var line in outcome.LineFields.Values)
            foreach (var field in line.Keys)
                if (protectedFields.Problem(field) is { } problem)
                    return $"{problem} (on a line)";
        foreach (var note in outcome.Notes)
            if (protectedFields.Problem(note.Field) is { } problem)
                return problem;
        return null;
    }
}
