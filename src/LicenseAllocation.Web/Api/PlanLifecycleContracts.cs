using System.Globalization;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Web.Localization;
using ApiText = LicenseAllocation.Web.Resources.Api;

namespace LicenseAllocation.Web.Api;

/// <summary><c>{"documentNumber","documentDate","signer"}</c>, the date as <c>yyyy-MM-dd</c>.</summary>
public sealed record PublishPlanRequest(string? DocumentNumber, string? DocumentDate, string? Signer);

/// <summary><c>{"name","year"}</c> of the new plan.</summary>
public sealed record CopyPlanRequest(string? Name, int? Year);

/// <summary><c>{"productName","vendor","licenceTermStart","licenceTermEnd"}</c>, dates as <c>yyyy-MM-dd</c>.</summary>
public sealed record ProductDetailsRequest(string? ProductName, string? Vendor, string? LicenceTermStart, string? LicenceTermEnd);

public sealed record ComparisonItemDto(int UnitId, string? Code, string Name, int Quantity, int OtherQuantity, int Difference)
{
    internal static ComparisonItemDto From(ComparisonItem item) =>
        new(item.UnitId, item.Code, item.Name, item.Quantity, item.OtherQuantity, item.Difference);
}

/// <summary>The units whose quantity differs, in tree order, with both plans' totals.</summary>
public sealed record ComparisonDto(int PlanId, int OtherPlanId, int Total, int OtherTotal, IReadOnlyList<ComparisonItemDto> Items)
{
    internal static ComparisonDto From(PlanComparisonResult result) =>
        new(result.Plan.Id, result.Other.Id, result.Plan.TotalLicenses, result.Other.TotalLicenses, [.. result.Items.Select(ComparisonItemDto.From)]);
}

/// <summary>Dates in requests are written <c>yyyy-MM-dd</c> and nothing else, so that 05/01 is never read as 1 May.</summary>
internal static class ApiDates
{
    public const string Format = "yyyy-MM-dd";

    /// <summary>False for text that is not such a date; an absent date is valid and null.</summary>
    public static bool TryParse(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!DateOnly.TryParseExact(text.Trim(), Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        date = parsed;
        return true;
    }

    public static IResult Invalid(string field) => ApiProblems.Problem(
        StatusCodes.Status400BadRequest, "invalid-date",
        Ui.F(ApiText.InvalidDate, field));
}
