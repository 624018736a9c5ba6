using System.Globalization;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Domain.Text;

namespace LicenseAllocation.Domain.Needs;

/// <summary>
/// The rules of a self-purchase: what it must say (<see cref="Check"/>, <c>invalid-purchase</c> naming the field), and
/// that it is of the plan's product (<see cref="CheckProduct"/>): the letter requires licences bought locally to be
/// "đồng bộ với phần mềm được sử dụng chung trên toàn tỉnh". Names are compared after NFC, white-space and case
/// folding (<see cref="InputText.SameName"/>), so "Bkav  Pro" and "BKAV PRO" are one product.
/// </summary>
public static class PurchaseRules
{
    public const int MaxQuantity = NeedRules.MaxComputers;
    public const int MaxContractNumberLength = 100;
    public const int MaxLicenceKeyLength = 200;
    public const int MaxNoteLength = 1000;

    /// <summary>Null when the purchase may be recorded; else <c>invalid-purchase</c> (the field in its API name), or the text rule's refusal.</summary>
    public static AllocationError? Check(PurchaseDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var text = InputText.Check(details.ProductName) ?? InputText.Check(details.Vendor) ?? InputText.Check(details.ContractNumber)
            ?? InputText.Check(details.LicenceKey) ?? InputText.Check(details.Note);
        if (text is not null)
        {
            return text;
        }

        if (InputText.Normalize(details.ProductName) is not { Length: > 0 and <= LicensedProduct.MaxNameLength })
        {
            return AllocationError.InvalidPurchase("productName");
        }

        if (InputText.Normalize(details.Vendor) is { Length: > LicensedProduct.MaxVendorLength })
        {
            return AllocationError.InvalidPurchase("vendor");
        }

        if (details.Quantity is <= 0 or > MaxQuantity)
        {
            return AllocationError.InvalidPurchase("quantity");
        }

        if (InputText.Normalize(details.ContractNumber) is not { Length: > 0 and <= MaxContractNumberLength })
        {
            return AllocationError.InvalidPurchase("contractNumber");
        }

        if (details.ContractDate == default)
        {
            return AllocationError.InvalidPurchase("contractDate");
        }

        if (details.TermStart == default || details.TermEnd == default || details.TermEnd <= details.TermStart)
        {
            return AllocationError.InvalidPurchase("termEnd");
        }

        if (InputText.Normalize(details.LicenceKey) is { Length: > MaxLicenceKeyLength })
        {
            return AllocationError.InvalidPurchase("licenceKey");
        }

        return InputText.Normalize(details.Note) is { Length: > MaxNoteLength } ? AllocationError.InvalidPurchase("note") : null;
    }

    /// <summary>
    /// Null when the purchase is of the plan's product: the same name and, when the plan names a vendor, the same vendor.
    /// <c>product-not-announced</c> while the plan has no product; <c>different-product</c> (quoting the plan's) otherwise.
    /// </summary>
    public static AllocationError? CheckProduct(string? planProduct, string? planVendor, string productName, string? vendor)
    {
        if (string.IsNullOrWhiteSpace(planProduct))
        {
            return AllocationError.ProductNotAnnounced();
        }

        var announced = string.IsNullOrWhiteSpace(planVendor) ? planProduct : $"{planProduct} ({planVendor})";
        if (!InputText.SameName(planProduct, productName ?? string.Empty))
        {
            return AllocationError.DifferentProduct(announced);
        }

        return string.IsNullOrWhiteSpace(planVendor) || InputText.SameName(planVendor, vendor ?? string.Empty)
            ? null
            : AllocationError.DifferentProduct(announced);
    }

    /// <summary>The details as stored: text in NFC with white space folded, blanks as null.</summary>
    public static PurchaseDetails Normalize(PurchaseDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        static string? Optional(string? value) => InputText.Normalize(value) is { Length: > 0 } text ? text : null;
        return details with
        {
            ProductName = InputText.Normalize(details.ProductName)!,
            Vendor = Optional(details.Vendor),
            ContractNumber = InputText.Normalize(details.ContractNumber)!,
            LicenceKey = Optional(details.LicenceKey),
            Note = Optional(details.Note),
        };
    }

    /// <summary>A licence key as readers other than the administrator see it: its last four characters, the rest hidden.</summary>
    public static string? Mask(string? key) => key switch
    {
        null => null,
        { Length: <= 4 } => new string('•', key.Length),
        _ => string.Concat(new string('•', Math.Min(key.Length - 4, 12)), key[^4..]),
    };

    /// <summary>The trail's words for a recorded purchase (never the licence key).</summary>
    public static string Describe(SelfPurchase purchase)
    {
        ArgumentNullException.ThrowIfNull(purchase);
        static string Day(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Bản quyền tự mua: {purchase.ProductName}; hãng: {purchase.Vendor ?? "chưa rõ"}; số lượng: {purchase.Quantity}; hợp đồng/hóa đơn số {purchase.ContractNumber} ngày {Day(purchase.ContractDate)}; thời hạn {Day(purchase.TermStart)} – {Day(purchase.TermEnd)}");
    }
}
