namespace CxBot.Cards;

/// <summary>
/// Teams' line chart (<c>Chart.Line</c>). Not in the public Adaptive Cards schema: Web Chat and other renderers do not
/// know it, so always give a <see cref="Fallback"/> (a <see cref="Table"/> of the same points renders everywhere).
/// Its <see cref="Title"/> is not visible text in Teams (only an accessible name): put a heading in a TextBlock above it.
/// </summary>
public sealed record LineChart : CardElement
{
    /// <summary>Accessible name of the chart.</summary>
    public string? Title { get; init; }
    /// <summary>Title of the horizontal axis.</summary>
    public string? XAxisTitle { get; init; }
    /// <summary>Title of the vertical axis.</summary>
    public string? YAxisTitle { get; init; }
    /// <summary>The series, one line each.</summary>
    public required IReadOnlyList<LineChartSeries> Data { get; init; }
    /// <summary>What a renderer without charts shows instead (a table of the same points).</summary>
    public CardElement? Fallback { get; init; }
}

/// <summary>One line of a <see cref="LineChart"/>.</summary>
/// <param name="Legend">The series name shown in the legend.</param>
/// <param name="Values">Its points, in x order.</param>
public sealed record LineChartSeries(string Legend, IReadOnlyList<LineChartPoint> Values)
{
    /// <summary>A chart color name (<c>good</c>, <c>warning</c>, <c>attention</c>, <c>categoricalBlue</c>, ...), or the default.</summary>
    public string? Color { get; init; }
}

/// <summary>A point of a <see cref="LineChartSeries"/>.</summary>
/// <param name="X">The label on the horizontal axis (a day, a week).</param>
/// <param name="Y">The value.</param>
public sealed record LineChartPoint(string X, double Y);
