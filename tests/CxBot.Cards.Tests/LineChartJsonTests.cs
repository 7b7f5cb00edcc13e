using CxBot.Cards;

namespace CxBot.Cards.Tests;

public sealed class LineChartJsonTests
{
    [Fact]
    public void ALineChart_SerializesAsTeamsChartLine_WithItsSeriesAndTableFallback()
    {
        var chart = new LineChart
        {
            Title = "CSAT per day",
            Data = [new LineChartSeries("CSAT", [new LineChartPoint("1 Nov", 4.25), new LineChartPoint("2 Nov", 3.5)])],
            Fallback = new Table { Columns = [new TableColumn(1)], Rows = [] },
        };

        var json = CardJson.ToJsonObject(new AdaptiveCard { Body = [chart] })["body"]![0]!;

        Assert.Equal("Chart.Line", (string?)json["type"]);
        Assert.Equal("CSAT", (string?)json["data"]![0]!["legend"]);
        Assert.Equal(4.25, (double)json["data"]![0]!["values"]![0]!["y"]!);
        Assert.Equal("1 Nov", (string?)json["data"]![0]!["values"]![0]!["x"]);
        Assert.Equal("Table", (string?)json["fallback"]!["type"]);
    }
}
