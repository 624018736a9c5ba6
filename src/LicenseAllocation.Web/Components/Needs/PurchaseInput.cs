using System.Globalization;
using LicenseAllocation.Domain.Needs;

namespace LicenseAllocation.Web.Components.Needs;

/// <summary>
/// The purchase form's fields as typed. A field that does not parse becomes the value the service refuses for that field
/// (quantity 0, an empty date), so the officer reads the same <c>invalid-purchase</c> sentence as the API gives.
/// </summary>
public sealed class PurchaseInput
{
    public string? ProductName { get; set; }

    public string? Vendor { get; set; }

    public string? Quantity { get; set; }

    public string? ContractNumber { get; set; }

    /// <summary>yyyy-MM-dd, as a date input gives it.</summary>
    public string? ContractDate { get; set; }

    public string? TermStart { get; set; }

    public string? TermEnd { get; set; }

    public string? LicenceKey { get; set; }

    public string? Note { get; set; }

    public PurchaseDetails ToDetails() => new(
        ProductName ?? string.Empty,
        string.IsNullOrWhiteSpace(Vendor) ? null : Vendor,
        int.TryParse(Quantity?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var quantity) ? quantity : 0,
        ContractNumber ?? string.Empty,
        DateOf(ContractDate),
        DateOf(TermStart),
        DateOf(TermEnd),
        string.IsNullOrWhiteSpace(LicenceKey) ? null : LicenceKey,
        string.IsNullOrWhiteSpace(Note) ? null : Note);

    private static DateOnly DateOf(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : default;
}
