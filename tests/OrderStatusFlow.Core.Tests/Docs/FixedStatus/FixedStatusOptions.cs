using System.ComponentModel.DataAnnotations;

namespace OrderStatusFlow.Example.FixedStatus;

/// <summary>The <c>args</c> of <c>example.fixed-status</c>.</summary>
public sealed class FixedStatusOptions
{
    /// <summary>The header status every PO gets. Default <c>accepted</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string HeaderCode { get; set; } = "accepted";
}
