using System.Text;
using CxBot.App.Insights.Export;

namespace CxBot.App.Tests.Insights.Export;

public sealed class CsvStreamWriterTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Output_StartsWithTheUtf8ByteOrderMark_AndHasCrlfRows()
    {
        using var stream = new MemoryStream();
        await using (var csv = new CsvStreamWriter(stream))
        {
            await csv.WriteHeaderAsync(["id", "comment"], None);
            await csv.WriteRowAsync(["1", "Geen idee wat ‘ĳverig’ betekent, café"], None);
        }

        var bytes = stream.ToArray();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal("id,comment\r\n1,\"Geen idee wat ‘ĳverig’ betekent, café\"\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public async Task CommentOfSeveralLines_StaysOneRecord()
    {
        using var stream = new MemoryStream();
        await using (var csv = new CsvStreamWriter(stream))
        {
            await csv.WriteHeaderAsync(["id", "comment"], None);
            await csv.WriteRowAsync(["1", "first line\nsecond line"], None);
            await csv.WriteRowAsync(["2", null], None);
        }

        var records = CsvText.Parse(Encoding.UTF8.GetString(stream.ToArray()));
        Assert.Equal([["id", "comment"], ["1", "first line\nsecond line"], ["2", ""]], records);
    }

    [Fact]
    public async Task Rows_GoOutAPageAtATime_NeverMoreThanAPageUnflushed()
    {
        using var stream = new FlushRecordingStream();
        const int rows = CsvStreamWriter.RowsPerPage * 5 + 17;
        await using (var csv = new CsvStreamWriter(stream))
        {
            await csv.WriteHeaderAsync(["id", "comment"], None);
            for (var i = 0; i < rows; i++)
            {
                await csv.WriteRowAsync([i.ToString(System.Globalization.CultureInfo.InvariantCulture), "a comment of a typical length, with a comma"], None);
            }

            Assert.Equal(rows, csv.Rows);
            await csv.FlushAsync(None);
        }

        // The header, each full page, and the last partial page.
        Assert.True(stream.Flushes >= 1 + 5 + 1, $"{stream.Flushes} flushes");
        var pageBytes = CsvStreamWriter.RowsPerPage * Encoding.UTF8.GetByteCount("99999,\"a comment of a typical length, with a comma\"\r\n");
        Assert.True(stream.MostBytesBetweenFlushes <= pageBytes, $"{stream.MostBytesBetweenFlushes} bytes between two flushes (a page is {pageBytes})");
    }

    [Fact]
    public async Task Row_BeforeTheHeader_IsRefused()
    {
        using var stream = new MemoryStream();
        await using var csv = new CsvStreamWriter(stream);

        await Assert.ThrowsAsync<InvalidOperationException>(() => csv.WriteRowAsync(["1"], None));
    }

    private sealed class FlushRecordingStream : MemoryStream
    {
        private long _sinceFlush;

        public int Flushes { get; private set; }

        public long MostBytesBetweenFlushes { get; private set; }

        // MemoryStream's span overloads call back into the array one in a derived type: count there only.
        public override void Write(byte[] buffer, int offset, int count)
        {
            _sinceFlush += count;
            MostBytesBetweenFlushes = Math.Max(MostBytesBetweenFlushes, _sinceFlush);
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer) => Write(buffer.ToArray(), 0, buffer.Length);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer, offset, count);
            return Task.CompletedTask;
        }

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            Flushes++;
            _sinceFlush = 0;
            return Task.CompletedTask;
        }

        public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();
    }
}
