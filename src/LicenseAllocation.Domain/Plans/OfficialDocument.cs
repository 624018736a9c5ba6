using System.Globalization;

namespace LicenseAllocation.Domain.Plans;

/// <summary>The official letter (công văn) that issues a plan, with its number and date as they are written.</summary>
public sealed record OfficialDocument
{
    public OfficialDocument(string? number, DateOnly? date, DatePrecision precision, string issuer, string issuerSuperior)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issuer);
        ArgumentException.ThrowIfNullOrWhiteSpace(issuerSuperior);
        Number = string.IsNullOrWhiteSpace(number) ? null : number.Trim();
        Date = date;
        Precision = precision;
        Issuer = issuer.Trim();
        IssuerSuperior = issuerSuperior.Trim();
    }

    /// <summary>The number and symbol, for example "125/STTTT-CNTT"; "/STTTT-CNTT" while the number is not yet given.</summary>
    public string? Number { get; }

    public DateOnly? Date { get; }

    public DatePrecision Precision { get; }

    /// <summary>The issuing body, for example "Sở Thông tin và Truyền thông".</summary>
    public string Issuer { get; }

    /// <summary>The body above the issuer, written above its name in the letterhead, for example "UBND TỈNH ĐỒNG THÁP".</summary>
    public string IssuerSuperior { get; }

    /// <summary>
    /// The date as Decree 30/2020/NĐ-CP writes it: "ngày 05 tháng 02 năm 2021" (days below 10 and months below 3 take a leading zero),
    /// with a blank day when only the month is known.
    /// </summary>
    public string DateText
    {
        get
        {
            if (Date is not { } date)
            {
                return "ngày tháng năm";
            }

            var month = date.Month < 3 ? date.Month.ToString("00", CultureInfo.InvariantCulture) : date.Month.ToString(CultureInfo.InvariantCulture);
            var day = Precision == DatePrecision.Day ? date.Day.ToString("00", CultureInfo.InvariantCulture) : string.Empty;
            return Precision == DatePrecision.Day
                ? $"ngày {day} tháng {month} năm {date.Year}"
                : $"ngày tháng {month} năm {date.Year}";
        }
    }

    /// <summary>The line under an appendix title: "(Kèm theo Công văn số … ngày … của …)".</summary>
    public string AppendixReference => $"(Kèm theo Công văn số {Number ?? string.Empty} {DateText} của {Issuer})";
}
