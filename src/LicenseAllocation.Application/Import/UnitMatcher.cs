using System.Globalization;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Appendix;
using LicenseAllocation.Domain.Units;

namespace LicenseAllocation.Application.Import;

/// <summary>
/// Finds the unit a row means among the units the file allocates to (the template unit's children, or the units the
/// appendix lists): by code first; without a code, by name compared as <see cref="UnitName.MatchKey"/> does (Unicode
/// NFC, white space folded, any case), so that a name typed on another system still matches. A row whose code and name
/// name different units is refused rather than guessed at: it is what a table sorted on one column looks like. The
/// portal's internal code ("NB" and the unit's number, <see cref="InternalUnitCode"/>) that a template writes for a unit
/// without a statistical code names that unit exactly. Among units whose names read alike, an inactive one gives way to
/// the single active one.
/// </summary>
internal sealed class UnitMatcher(IReadOnlyCollection<UnitNodeView> units)
{
    private static readonly string _pendingSplitSuffix = UnitName.MatchKey(AppendixQuery.PendingSplitSuffix);

    private readonly ILookup<string, UnitNodeView> _byCode = units.Where(u => !string.IsNullOrWhiteSpace(u.Code)).ToLookup(u => CodeKey(u.Code!));
    private readonly ILookup<string, UnitNodeView> _byName = units.ToLookup(u => NameKey(u.Name));
    private readonly Dictionary<int, UnitNodeView> _byId = units.ToDictionary(u => u.UnitId);

    public (UnitNodeView? Unit, ImportErrorCode? Error, ImportField? Field, string? Found) Match(CellContent? codeCell, CellContent? nameCell)
    {
        // The template quotes text that a spreadsheet would take for a formula; the unit's name is without the quote.
        var code = codeCell is { IsBlank: false } ? ExcelText.Unsafe(codeCell.DisplayText) : null;
        var name = nameCell is { IsBlank: false } ? UnitName.Normalize(ExcelText.Unsafe(nameCell.DisplayText.Trim())) : null;
        if (code is not null && InternalUnitCode.UnitIdOf(code) is { } unitId)
        {
            return _byId.GetValueOrDefault(unitId) switch
            {
                null => (null, ImportErrorCode.UnknownUnit, ImportField.Code, code),
                var unit when name is not null && NameKey(name) != NameKey(unit.Name) => (unit, ImportErrorCode.CodeNameMismatch, ImportField.Name, name),
                var unit => (unit, null, null, null),
            };
        }

        if (code is not null)
        {
            var byCode = _byCode[CodeKey(code)].ToList();
            return byCode switch
            {
                [] => (null, ImportErrorCode.UnknownUnit, ImportField.Code, code),
                [var unit] when name is not null && NameKey(name) != NameKey(unit.Name) => (unit, ImportErrorCode.CodeNameMismatch, ImportField.Name, name),
                [var unit] => (unit, null, null, null),
                _ => (null, ImportErrorCode.AmbiguousName, ImportField.Code, code),
            };
        }

        if (name is null)
        {
            return (null, ImportErrorCode.UnknownUnit, null, null);
        }

        var byName = _byName[NameKey(name)].ToList();
        if (byName.Count > 1 && byName.Count(u => u.IsActive) == 1)
        {
            byName = [.. byName.Where(u => u.IsActive)];
        }

        return byName switch
        {
            [] => (null, ImportErrorCode.UnknownUnit, ImportField.Name, name),
            [var unit] => (unit, null, null, null),
            _ => (null, ImportErrorCode.AmbiguousName, ImportField.Name, name),
        };
    }

    /// <summary>Codes compare without case and, when all digits, without leading zeros (a code re-typed into a number cell loses them).</summary>
    private static string CodeKey(string code)
    {
        var trimmed = code.Trim().ToUpperInvariant();
        return trimmed.Length > 0 && trimmed.All(char.IsAsciiDigit) ? trimmed.TrimStart('0').PadLeft(1, '0') : trimmed;
    }

    /// <summary>The appendix writes "(sẽ có phân bổ chi tiết)" after the district group's name until it is split; the unit is the same.</summary>
    private static string NameKey(string name)
    {
        var key = UnitName.MatchKey(name);
        return key.EndsWith(" " + _pendingSplitSuffix, false, CultureInfo.InvariantCulture) ? key[..^(_pendingSplitSuffix.Length + 1)] : key;
    }
}
