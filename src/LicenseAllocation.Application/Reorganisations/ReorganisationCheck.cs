using System.Globalization;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Reorganisations;
using LicenseAllocation.Domain.Text;
using LicenseAllocation.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Reorganisations;

/// <summary>
/// Checks a reorganisation read from a file against the portal's units, and turns it into the
/// <see cref="ReorganisationSpec"/> the <see cref="ReorganisationRecorder"/> writes. Every problem is given by row:
/// the reorganisation's name, legal basis and date; exactly one new province; names and codes by the rules of every
/// other path (<see cref="UnitName"/>, <see cref="InputText"/>, <see cref="AgencyCode"/>); codes repeated in the file or
/// held by a unit that stays in force; old units unknown, ambiguous, or not in force the day before the effective date;
/// a unit formed from itself or from another new unit of the same file (a chain is two reorganisations); a link given
/// twice; and the shares of a split old unit that do not add up to the whole of it.
/// </summary>
internal static class ReorganisationCheck
{
    /// <summary>The earliest effective date accepted; the latest is this many years after today.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);
    public const int YearsAhead = 5;

    public sealed record Result(ReorganisationSpec? Spec, ReorganisationPreview Preview, IReadOnlyList<ReorganisationIssue> Issues);

    private sealed record OldUnit(int Id, int? ParentId, string Name, UnitKind Kind, string? Code, string? AgencyCode, DateOnly? ValidFrom, DateOnly? ValidTo, bool IsActive)
    {
        public bool InForceOn(DateOnly day) => IsActive && (ValidFrom is null || ValidFrom <= day) && (ValidTo is null || day <= ValidTo);
    }

    private sealed record Resolved(DraftUnit Unit, DraftLink Link, OldUnit? Old, string Key);

    public static async Task<Result> RunAsync(AllocationDbContext db, ReorganisationDraft draft, DateOnly today, CancellationToken ct)
    {
        var issues = new List<ReorganisationIssue>();
        void Add(FileSpot spot, ReorganisationFileErrorCode code, string? found = null, int? otherRow = null, long? limit = null) =>
            issues.Add(new ReorganisationIssue(code, spot.Row, spot.Sheet, spot.Column) { Found = found, OtherRow = otherRow, Limit = limit });
        void AddShare(FileSpot spot, ReorganisationFileErrorCode code, decimal share) =>
            issues.Add(new ReorganisationIssue(code, spot.Row, spot.Sheet, spot.Column) { Share = share });
        void Refuse(FileSpot spot, AllocationError refusal) =>
            issues.Add(new ReorganisationIssue(null, spot.Row, spot.Sheet, spot.Column) { Refusal = refusal });

        // The reorganisation itself.
        CheckText(draft.Name, draft.NameSpot, Reorganisation.MaxNameLength, ReorganisationFileErrorCode.ReorganisationNameRequired, Add, Refuse);
        CheckText(draft.LegalBasis, draft.LegalBasisSpot, Reorganisation.MaxLegalBasisLength, ReorganisationFileErrorCode.LegalBasisRequired, Add, Refuse);
        var effective = draft.EffectiveFrom is { } day && day >= EarliestDate && day <= today.AddYears(YearsAhead) ? day : (DateOnly?)null;
        if (effective is null)
        {
            Add(draft.EffectiveFromSpot, ReorganisationFileErrorCode.EffectiveDateInvalid, draft.EffectiveFromText ?? string.Empty);
        }
        else if (draft.Name is { } name && await db.Reorganisations.AnyAsync(r => r.EffectiveFrom == effective && r.Name == InputText.Normalize(name), ct))
        {
            Add(draft.NameSpot, ReorganisationFileErrorCode.ReorganisationExists, InputText.Normalize(name));
        }

        // The new units: one province, names and codes.
        var provinces = draft.Units.Where(u => u.Kind == DraftKind.Province).ToList();
        if (provinces.Count == 0)
        {
            Add(new FileSpot(null, null, null), ReorganisationFileErrorCode.NewProvinceRequired);
        }

        foreach (var extra in provinces.Skip(1))
        {
            Add(extra.Spot, ReorganisationFileErrorCode.NewProvinceRepeated, extra.Name, provinces[0].Spot.Row);
        }

        if (draft.Units.All(u => u.Kind == DraftKind.Province))
        {
            Add(new FileSpot(null, null, null), ReorganisationFileErrorCode.ReorganisationFileEmpty);
        }

        var codes = new Dictionary<string, DraftUnit>(StringComparer.OrdinalIgnoreCase);
        var agencyCodes = new Dictionary<string, DraftUnit>(StringComparer.Ordinal);
        foreach (var unit in draft.Units)
        {
            if (UnitName.Check(unit.Name) is { } badName)
            {
                Refuse(unit.Spot.At(unit.NameField), badName);
            }

            var code = unit.Code?.Trim();
            if (unit.Kind == DraftKind.Agency ? code is not null : code is null || code.Length > 10 || !code.All(char.IsAsciiDigit))
            {
                Add(unit.Spot.At(unit.CodeField), ReorganisationFileErrorCode.UnitCodeInvalid, code ?? string.Empty);
            }
            else if (code is not null && !codes.TryAdd(code, unit))
            {
                Add(unit.Spot.At(unit.CodeField), ReorganisationFileErrorCode.UnitCodeRepeated, code, codes[code].Spot.Row);
            }

            if (AgencyCode.Check(unit.AgencyCode) is { } badAgencyCode)
            {
                Refuse(unit.Spot.At(unit.AgencyCodeField), badAgencyCode);
            }
            else if (AgencyCode.Normalize(unit.AgencyCode) is { } agencyCode && !agencyCodes.TryAdd(agencyCode, unit))
            {
                Add(unit.Spot.At(unit.AgencyCodeField), ReorganisationFileErrorCode.AgencyCodeRepeated, agencyCode, agencyCodes[agencyCode].Spot.Row);
            }
        }

        // The old units, as they stood the day before.
        var all = await db.Units.AsNoTracking()
            .Select(u => new OldUnit(u.Id, u.ParentId, u.Name, u.Kind, u.Code, u.AgencyCode, u.ValidFrom, u.ValidTo, u.IsActive))
            .ToListAsync(ct);
        var children = all.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!.Value);
        var byId = all.ToDictionary(u => u.Id);
        var lastDay = effective?.AddDays(-1);
        var resolved = new List<Resolved>();
        var oldRoots = new HashSet<int>();
        foreach (var unit in draft.Units.OrderBy(u => u.Kind == DraftKind.Province ? 0 : 1))
        {
            var seen = new Dictionary<string, DraftLink>(StringComparer.Ordinal);
            foreach (var link in unit.FormedFrom)
            {
                if (link.Name is not null && UnitName.Check(link.Name) is { } badOldName)
                {
                    Refuse(link.Spot.At(link.NameField), badOldName);
                }

                if (link.Share is < 0m or > 1m)
                {
                    AddShare(link.Spot.At(link.ShareField), ReorganisationFileErrorCode.ShareOutOfRange, link.Share.Value);
                }

                var old = link.Held && lastDay is { } before ? Find(unit, link, before) : null;
                var key = old is not null ? $"id:{old.Id}" : $"ext:{link.Code?.Trim()}|{(link.Name is null ? string.Empty : InputText.CompareKey(link.Name))}";
                if (!seen.TryAdd(key, link))
                {
                    Add(link.Spot.At(link.Code is null ? link.NameField : link.CodeField), ReorganisationFileErrorCode.LinkRepeated, link.Code ?? link.Name, seen[key].Spot.Row);
                }

                if (old is not null && unit.Kind == DraftKind.Province)
                {
                    oldRoots.Add(old.Id);
                }

                resolved.Add(new Resolved(unit, link, old, key));
            }
        }

        // Shares: given for a split old unit, they add up to the whole of it.
        foreach (var group in resolved.GroupBy(r => r.Key).Where(g => g.Any(r => r.Link.Share is not null || g.Count() > 1)))
        {
            var shares = group.Select(r => EffectiveShare(r.Link, group.Select(g => g.Link).ToList())).ToList();
            if (shares.All(s => s is null))
            {
                continue;
            }

            var sum = shares.Sum(s => s ?? 0m);
            if (shares.Any(s => s is null) || Math.Abs(sum - 1m) > 0.0001m)
            {
                foreach (var r in group)
                {
                    AddShare(r.Link.Spot.At(r.Link.ShareField), ReorganisationFileErrorCode.SharesDoNotAddUp, sum);
                }
            }
        }

        // What ends: the old units and everything under them.
        var ending = new HashSet<int>(resolved.Where(r => r.Old is not null).Select(r => r.Old!.Id));
        var queue = new Queue<int>(ending);
        while (queue.TryDequeue(out var id))
        {
            foreach (var child in children[id].Where(c => ending.Add(c.Id)))
            {
                queue.Enqueue(child.Id);
            }
        }

        if (effective is { } from)
        {
            var staying = all.Where(u => !ending.Contains(u.Id) && (u.ValidTo is null || u.ValidTo >= from)).ToList();
            foreach (var unit in draft.Units)
            {
                var code = unit.Code?.Trim();
                if (code is not null && staying.FirstOrDefault(u => u.InForceOn(from) && (u.Kind == UnitKind.Province) == (unit.Kind == DraftKind.Province)
                    && string.Equals(u.Code, code, StringComparison.OrdinalIgnoreCase)) is { } holder)
                {
                    Add(unit.Spot.At(unit.CodeField), ReorganisationFileErrorCode.UnitCodeInUse, $"{code} — {holder.Name}");
                }

                if (AgencyCode.Check(unit.AgencyCode) is null && AgencyCode.Normalize(unit.AgencyCode) is { } agencyCode
                    && staying.FirstOrDefault(u => u.AgencyCode == agencyCode) is { } agencyHolder)
                {
                    Refuse(unit.Spot.At(unit.AgencyCodeField), AllocationError.DuplicateAgencyCode(agencyHolder.Name));
                }
            }
        }

        var preview = Preview(draft, effective, resolved, ending.Count);
        var ordered = issues.OrderBy(i => i.Sheet ?? string.Empty, StringComparer.Ordinal).ThenBy(i => i.Row ?? 0).ToList();
        return new Result(ordered.Count == 0 ? Spec(draft, effective!.Value, resolved) : null, preview, ordered);

        OldUnit? Find(DraftUnit unit, DraftLink link, DateOnly before)
        {
            var code = link.Code?.Trim();
            var isProvince = unit.Kind == DraftKind.Province;
            var candidates = all.Where(u => (u.Kind == UnitKind.Province) == isProvince && (isProvince ? u.ParentId is null : u.ParentId is not null))
                .Where(u => code is not null
                    ? string.Equals(u.Code, code, StringComparison.OrdinalIgnoreCase)
                    : link.Name is not null && UnitName.MatchKey(u.Name) == UnitName.MatchKey(link.Name))
                .ToList();
            var inForce = candidates.Where(u => u.InForceOn(before)).ToList();
            if (inForce.Count > 1 && oldRoots.Count > 0)
            {
                inForce = [.. inForce.Where(u => Under(u, oldRoots))];
            }

            if (inForce.Count == 1)
            {
                return inForce[0];
            }

            var spot = link.Spot.At(code is not null ? link.CodeField : link.NameField);
            var found = code ?? link.Name ?? string.Empty;
            if (inForce.Count > 1)
            {
                Add(spot, ReorganisationFileErrorCode.OldUnitAmbiguous, found);
            }
            else if (candidates.Count > 0)
            {
                var c = candidates[^1];
                Add(spot, ReorganisationFileErrorCode.OldUnitNotInForce,
                    $"{c.Name} ({(c.ValidFrom is { } f ? f.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "…")} – {(c.ValidTo is { } t ? t.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "…")})");
            }
            else if (draft.Units.FirstOrDefault(n => Names(n, code, link.Name)) is { } newUnit)
            {
                Add(spot, ReferenceEquals(newUnit, unit) ? ReorganisationFileErrorCode.FormedFromItself : ReorganisationFileErrorCode.FormedFromNewUnit,
                    newUnit.Name ?? found, newUnit.Spot.Row);
            }
            else
            {
                Add(spot, ReorganisationFileErrorCode.OldUnitUnknown, found);
            }

            return null;
        }

        bool Under(OldUnit unit, HashSet<int> roots)
        {
            for (var u = unit; u is not null; u = u.ParentId is { } p ? byId.GetValueOrDefault(p) : null)
            {
                if (roots.Contains(u.Id))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Whether an entry of formedFrom names this new unit of the file: by its code, or by its name when it gives no code.</summary>
    private static bool Names(DraftUnit unit, string? code, string? name) =>
        code is not null
            ? string.Equals(unit.Code?.Trim(), code, StringComparison.OrdinalIgnoreCase)
            : name is not null && unit.Name is not null && UnitName.MatchKey(unit.Name) == UnitName.MatchKey(name);

    /// <summary>
    /// The share a link records: the one the file gives, else — for an old agency split between several successors, as
    /// the shipped agencies file marks them — all of it to its primary successor and 0 to the others; else none (equal parts).
    /// </summary>
    private static decimal? EffectiveShare(DraftLink link, List<DraftLink> group)
    {
        if (link.Share is { } share)
        {
            return share;
        }

        if (group.Count < 2 || group.All(l => l.Primary is null) || group.Any(l => l.Share is not null))
        {
            return null;
        }

        var primary = group.Count(l => l.Primary == true);
        return primary == 0 ? null : link.Primary == true ? 1m / primary : 0m;
    }

    private static void CheckText(
        string? text, FileSpot spot, int maxLength, ReorganisationFileErrorCode required,
        Action<FileSpot, ReorganisationFileErrorCode, string?, int?, long?> add, Action<FileSpot, AllocationError> refuse)
    {
        if (InputText.Check(text) is { } refusal)
        {
            refuse(spot, refusal);
        }
        else if (InputText.Normalize(text) is not { Length: > 0 } normalized || normalized.Length > maxLength)
        {
            add(spot, required, null, null, maxLength);
        }
    }

    private static ReorganisationPreview Preview(ReorganisationDraft draft, DateOnly? effective, List<Resolved> resolved, int ending)
    {
        var byUnit = resolved.ToLookup(r => r.Unit);
        return new ReorganisationPreview(
            InputText.Normalize(draft.Name), InputText.Normalize(draft.LegalBasis), effective,
            [
                .. draft.Units.OrderBy(u => u.Kind == DraftKind.Province ? 0 : 1).Select(u => new ImportedUnitView(
                    u.Spot.Row, u.Spot.Sheet, KindOf(u.Kind), u.Code?.Trim(), UnitName.Normalize(u.Name ?? string.Empty), AgencyCode.Normalize(u.AgencyCode),
                    [
                        .. byUnit[u].Select(r => new ImportedLinkView(
                            r.Link.Spot.Row, r.Old?.Id, r.Link.Code?.Trim() ?? r.Old?.Code, UnitName.Normalize(r.Link.Name ?? r.Old?.Name ?? string.Empty),
                            EffectiveShare(r.Link, [.. resolved.Where(o => o.Key == r.Key).Select(o => o.Link)]), r.Link.Partial, r.Link.Confirmed, r.Link.Held)),
                    ])),
            ],
            ending);
    }

    private static ReorganisationSpec Spec(ReorganisationDraft draft, DateOnly effective, List<Resolved> resolved)
    {
        var preview = Preview(draft, effective, resolved, 0);
        NewUnitSpec Unit(ImportedUnitView u) => new(u.Name, u.Kind, u.Code, u.AgencyCode,
            [.. u.FormedFrom.Select(l => new LinkSpec(l.OldUnitId, l.Code, l.Name, l.Share, l.Partial, l.Confirmed))]);
        return new ReorganisationSpec(preview.Name!, effective, preview.LegalBasis!, Unit(preview.Units[0]), [.. preview.Units.Skip(1).Select(Unit)]);
    }

    private static UnitKind KindOf(DraftKind kind) => kind switch
    {
        DraftKind.Province => UnitKind.Province,
        DraftKind.Agency => UnitKind.ProvincialAgency,
        _ => UnitKind.CommuneCommittee,
    };
}
