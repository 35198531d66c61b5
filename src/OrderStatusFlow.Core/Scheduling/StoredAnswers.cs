using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.Core.Scheduling;

/// <summary>What <see cref="Seams.ICheckSchedule.GetLastAnswersAsync"/> found: the answers, and the POs whose answer could not be read.</summary>
public sealed record StoredAnswers(IReadOnlyDictionary<string, OrderStatus> Answers, IReadOnlyDictionary<string, string> Unreadable)
{
    public static readonly StoredAnswers None = new(new Dictionary<string, OrderStatus>(), new Dictionary<string, string>());
}
