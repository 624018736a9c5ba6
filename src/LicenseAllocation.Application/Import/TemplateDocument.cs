namespace LicenseAllocation.Application.Import;

/// <summary>
/// What a unit's sub-allocation template holds: whose it is (plan and unit, by the portal's numbers, which the importer
/// reads back), the unit's quota, and one row per active child with its code, name, current quantity and need.
/// </summary>
public sealed record TemplateDocument(
    int PlanId,
    string PlanName,
    int UnitId,
    string UnitName,
    string? UnitCode,
    int Quota,
    IReadOnlyList<TemplateRow> Rows);

/// <summary>One child unit: STT, GSO code (none for an agency), name, the quantity it holds now and its stated need (none yet: null).</summary>
public sealed record TemplateRow(int Number, string? Code, string Name, int Quantity, int? Need = null);
