using System.Text.Json;
using LicenseAllocation.Application.Needs;
using LicenseAllocation.Domain.Needs;

namespace LicenseAllocation.Web.Api;

/// <summary>The need is read as raw JSON, as quantities are, so that 1.5 or "12" is answered with <c>invalid-need</c>.</summary>
public sealed record NeedRequest(JsonElement Computers, string? Reason)
{
    internal bool TryGetComputers(out int computers) => NeedJson.TryRead(Computers, out computers);
}

public sealed record NeedBatchRequest(string? Reason, IReadOnlyList<NeedBatchItemRequest>? Items);

public sealed record NeedBatchItemRequest(int UnitId, JsonElement Computers)
{
    internal bool TryGetComputers(out int computers) => NeedJson.TryRead(Computers, out computers);
}

/// <summary>How many units' needs a batch changed (0 when every figure was already the one given).</summary>
public sealed record NeedBatchResponse(int Changed);

/// <summary>Coverage figures of a unit alone or of a subtree; coveragePercent is null when nothing is needed.</summary>
public sealed record CoverageFiguresDto(
    int Need, int Allocated, int SelfPurchased, int Covered, int Shortfall, int Surplus, decimal? CoveragePercent, string Status, int NeedsStated)
{
    public static CoverageFiguresDto From(CoverageFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return new(
            figures.Need, figures.Allocated, figures.SelfPurchased, figures.Covered, figures.Shortfall, figures.Surplus,
            figures.CoveragePercent, StatusCode(figures.Status), figures.NeedsStated);
    }

    /// <summary><c>no-need-stated</c>, <c>shortfall</c>, <c>covered</c>, <c>surplus</c>.</summary>
    public static string StatusCode(CoverageStatus status) => status switch
    {
        CoverageStatus.NoNeedStated => "no-need-stated",
        CoverageStatus.Shortfall => "shortfall",
        CoverageStatus.Covered => "covered",
        _ => "surplus",
    };
}

/// <summary>
/// One unit's coverage: its own figures at the top level (need, allocated = quantity − handed on, …) and, under
/// <c>subtree</c>, the same for the unit with every unit below it (allocated = quantity).
/// </summary>
public sealed record CoverageItemDto(
    int UnitId,
    int? ParentUnitId,
    string? Code,
    string Name,
    string Kind,
    int Depth,
    int Need,
    int Allocated,
    int SelfPurchased,
    int Covered,
    int Shortfall,
    int Surplus,
    decimal? CoveragePercent,
    string Status,
    string? NeedStatedBy,
    DateTime? NeedStatedAtUtc,
    CoverageFiguresDto Subtree)
{
    public static CoverageItemDto From(CoverageLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var own = line.Own;
        return new(
            line.UnitId, line.ParentUnitId, line.Code, line.Name, line.Kind.ToString(), line.Depth,
            own.Need, own.Allocated, own.SelfPurchased, own.Covered, own.Shortfall, own.Surplus, own.CoveragePercent,
            CoverageFiguresDto.StatusCode(own.Status), line.NeedStatedBy, line.NeedStatedAtUtc, CoverageFiguresDto.From(line.Subtree));
    }
}

public sealed record CoverageResponse(int PlanId, int? UnitId, IReadOnlyList<CoverageItemDto> Items);

internal static class NeedJson
{
    public static bool TryRead(JsonElement value, out int computers)
    {
        computers = 0;
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out computers);
    }
}

/// <summary>Asks for a split of <c>amount</c> (default: the unit's quantity) on a basis: <c>shortfall</c> (default), <c>need</c> or <c>even</c>.</summary>
public sealed record SplitRequest(int? Amount, string? Basis);

public sealed record SplitItemDto(int UnitId, string Name, int Current, int Suggested, decimal Exact, int Need, int Shortfall);

/// <summary>The proposal; <c>usedBasis</c> tells a fallback (no shortfall anywhere: need; no need anywhere: even).</summary>
public sealed record SplitResponse(int Amount, string Basis, string UsedBasis, IReadOnlyList<SplitItemDto> Items)
{
    public static SplitResponse From(SplitProposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        return new(
            proposal.Amount, Name(proposal.Basis), Name(proposal.UsedBasis),
            [.. proposal.Items.Select(i => new SplitItemDto(i.UnitId, i.Name, i.Current, i.Suggested, i.Exact, i.Need, i.Shortfall))]);
    }

    public static string Name(SplitBasis basis) => basis switch
    {
        SplitBasis.Shortfall => "shortfall",
        SplitBasis.Need => "need",
        _ => "even",
    };
}
