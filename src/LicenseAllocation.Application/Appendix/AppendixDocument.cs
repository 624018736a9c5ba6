namespace LicenseAllocation.Application.Appendix;

/// <summary>
/// The content of a plan's official appendix (Phụ lục), laid out as in the seed letter and Decree 30/2020/NĐ-CP.
/// Writers render it; they add no content of their own.
/// </summary>
public sealed record AppendixDocument(
    string IssuerSuperior,
    string Issuer,
    string Label,
    string Title,
    string Reference,
    IReadOnlyList<string> Columns,
    IReadOnlyList<AppendixRow> Rows,
    string TotalLabel,
    int Total,
    string Note);

/// <summary>One numbered row: STT, unit name, licences allocated.</summary>
public sealed record AppendixRow(int Number, string Name, int Quantity);
