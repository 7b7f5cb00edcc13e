using System.Text;

namespace CxBot.App.Insights.Export;

/// <summary>
/// Writes CSV to a stream as the rows come: UTF-8 with a byte order mark (so Excel reads the accents of Dutch names and
/// comments right), CRLF line ends, and a flush after every <see cref="RowsPerPage"/> rows. What it holds at any time is
/// one row and a fixed buffer, never the export: a million rows cost the same memory as a thousand.
/// </summary>
public sealed class CsvStreamWriter : IAsyncDisposable
{
    /// <summary>Rows written between two flushes to the stream.</summary>
    public const int RowsPerPage = 1000;

    // Chars buffered before the writer hands bytes to the stream; about a page of typical rows.
    private const int BufferChars = 32 * 1024;

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
    private readonly StreamWriter _writer;
    private readonly StringBuilder _row = new(256);
    private int _rowsInPage;
    private bool _started;

    /// <summary>A writer on <paramref name="stream"/>, left open when the writer is disposed.</summary>
    public CsvStreamWriter(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _writer = new StreamWriter(stream, Utf8, BufferChars, leaveOpen: true) { NewLine = "\r\n" };
    }

    /// <summary>Rows written, the header not counted.</summary>
    public long Rows { get; private set; }

    /// <summary>Writes the byte order mark and the header row.</summary>
    public async Task WriteHeaderAsync(IReadOnlyList<string> columns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (_started)
        {
            throw new InvalidOperationException("The header is the first row.");
        }

        _started = true;
        await _writer.WriteAsync("\uFEFF".AsMemory(), cancellationToken).ConfigureAwait(false);
        await WriteLineAsync(columns, cancellationToken).ConfigureAwait(false);
        await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes one record; every <see cref="RowsPerPage"/> rows the page goes out to the stream.</summary>
    public async Task WriteRowAsync(IReadOnlyList<string?> cells, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (!_started)
        {
            throw new InvalidOperationException("Write the header first.");
        }

        await WriteLineAsync(cells, cancellationToken).ConfigureAwait(false);
        Rows++;
        if (++_rowsInPage == RowsPerPage)
        {
            _rowsInPage = 0;
            await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends what is buffered.</summary>
    public Task FlushAsync(CancellationToken cancellationToken) => _writer.FlushAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    private async Task WriteLineAsync(IReadOnlyList<string?> cells, CancellationToken cancellationToken)
    {
        _row.Clear();
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                _row.Append(',');
            }

            CsvCells.Append(_row, cells[i]);
        }

        _row.Append("\r\n");
        foreach (var chunk in _row.GetChunks())
        {
            await _writer.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
        }
    }
}
