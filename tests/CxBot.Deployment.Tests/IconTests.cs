using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json;

namespace CxBot.Deployment.Tests;

// Teams' icon rules: color 192x192 with the symbol on a solid (or fully transparent) background and
// 48 px padding; outline 32x32, white (255,255,255) on fully transparent, no other colour.
public sealed class IconTests
{
    private static readonly Rgba White = new(255, 255, 255, 255);

    [Fact]
    public void ColorIcon_Is192SquareWithTheSymbolOnASolidBackgroundInTheAccentColor()
    {
        var icon = Png.Read(RepositoryFiles.PathOf("manifest", "color.png"));

        Assert.Equal((192, 192), (icon.Width, icon.Height));
        var background = icon[0, 0];
        Assert.Equal(255, background.A);
        for (var y = 0; y < 192; y++)
        {
            for (var x = 0; x < 192; x++)
            {
                var inPadding = x < 48 || x >= 144 || y < 48 || y >= 144;
                if (inPadding)
                {
                    Assert.True(icon[x, y] == background, $"padding pixel ({x},{y}) is {icon[x, y]}, background is {background}");
                }
            }
        }

        Assert.Contains(icon.Pixels(), p => p != background);
        using var manifest = JsonDocument.Parse(RepositoryFiles.ReadText("manifest", "manifest.json"));
        var accent = manifest.RootElement.GetProperty("accentColor").GetString()!;
        Assert.Equal(accent.ToUpperInvariant(), $"#{background.R:X2}{background.G:X2}{background.B:X2}");
    }

    [Fact]
    public void OutlineIcon_Is32SquareWhiteOnFullyTransparent()
    {
        var icon = Png.Read(RepositoryFiles.PathOf("manifest", "outline.png"));

        Assert.Equal((32, 32), (icon.Width, icon.Height));
        for (var y = 0; y < 32; y++)
        {
            for (var x = 0; x < 32; x++)
            {
                var p = icon[x, y];
                Assert.True(p.A == 0 || p == White, $"pixel ({x},{y}) is {p}: only opaque white or fully transparent is allowed");
            }
        }

        Assert.Contains(icon.Pixels(), p => p == White);
        Assert.Contains(icon.Pixels(), p => p.A == 0);
    }

    [Fact]
    public void Manifest_ReferencesBothIconsByFileName()
    {
        using var manifest = JsonDocument.Parse(RepositoryFiles.ReadText("manifest", "manifest.json"));
        var icons = manifest.RootElement.GetProperty("icons");

        Assert.Equal("color.png", icons.GetProperty("color").GetString());
        Assert.Equal("outline.png", icons.GetProperty("outline").GetString());
    }

    // The committed icons use one filter only, so the decoder's other filters are checked here
    // on an image encoded with each of them in turn.
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void PngDecoder_ReversesEveryRowFilter(byte filter)
    {
        const int width = 5, height = 4;
        var rgba = new byte[width * height * 4];
        for (var i = 0; i < rgba.Length; i++)
        {
            rgba[i] = (byte)((i * 37) + (i / 7 * 11));
        }

        var decoded = Png.Decode(EncodeRgba(width, height, rgba, filter));

        Assert.Equal((width, height), (decoded.Width, decoded.Height));
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = ((y * width) + x) * 4;
                Assert.Equal(new Rgba(rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]), decoded[x, y]);
            }
        }
    }

    [Fact]
    public void PngDecoder_RejectsAnUnknownFilter()
    {
        var png = EncodeRgba(1, 1, [1, 2, 3, 4], filter: 7);

        var error = Assert.Throws<InvalidDataException>(() => Png.Decode(png));
        Assert.Contains("filter type 7", error.Message, StringComparison.Ordinal);
    }

    private static byte[] EncodeRgba(int width, int height, byte[] rgba, byte filter)
    {
        var stride = width * 4;
        var filtered = new byte[height * (stride + 1)];
        for (var y = 0; y < height; y++)
        {
            filtered[y * (stride + 1)] = filter;
            for (var i = 0; i < stride; i++)
            {
                int raw = rgba[(y * stride) + i];
                int left = i >= 4 ? rgba[(y * stride) + i - 4] : 0;
                int up = y > 0 ? rgba[((y - 1) * stride) + i] : 0;
                int upLeft = y > 0 && i >= 4 ? rgba[((y - 1) * stride) + i - 4] : 0;
                var predictor = filter switch
                {
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Png.Paeth(left, up, upLeft),
                    _ => 0,
                };
                filtered[(y * (stride + 1)) + 1 + i] = (byte)(raw - predictor);
            }
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(filtered);
        }

        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)height);
        header[8] = 8;
        header[9] = 6;

        using var file = new MemoryStream();
        file.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(file, "IHDR", header);
        WriteChunk(file, "IDAT", compressed.ToArray());
        WriteChunk(file, "IEND", []);
        return file.ToArray();
    }

    // The decoder does not check CRCs, so they are left zero.
    private static void WriteChunk(Stream stream, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        stream.Write(length);
        stream.Write(System.Text.Encoding.ASCII.GetBytes(type));
        stream.Write(data);
        stream.Write(new byte[4]);
    }
}
