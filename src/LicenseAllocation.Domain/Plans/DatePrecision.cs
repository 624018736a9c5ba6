namespace LicenseAllocation.Domain.Plans;

/// <summary>
/// How much of an official letter's date is known. A letter prepared for signature carries
/// "ngày … tháng 12 năm 2020": the day is written in by hand when it is signed.
/// </summary>
public enum DatePrecision
{
    Day,
    Month,
}
