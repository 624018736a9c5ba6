namespace LicenseAllocation.Web.Components.Controls;

/// <summary>One headline number of a <see cref="FiguresCard"/>; <paramref name="Attention"/> colours it as needing action.</summary>
public sealed record Figure(string Label, int Value, string TestId, bool Attention = false, string? Note = null);
