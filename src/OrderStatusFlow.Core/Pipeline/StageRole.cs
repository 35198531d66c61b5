namespace OrderStatusFlow.Core.Pipeline;

/// <summary>The four roles of a pipeline, in the order the stages must appear.</summary>
public enum StageRole
{
    /// <summary>Produces the open POs (<see cref="Seams.IOrderSource"/>).</summary>
    Source,

    /// <summary>Asks the distributor (<see cref="Seams.IStatusProvider"/>).</summary>
    Status,

    /// <summary>Decides what to write (<see cref="Seams.IRuleSetProvider"/>).</summary>
    Rules,

    /// <summary>Writes the changes (<see cref="Seams.IRecordWriter"/>).</summary>
    Writer,
}
