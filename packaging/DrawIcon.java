// Draws packaging/icon.png: java -Djava.awt.headless=true packaging/DrawIcon.java packaging/icon.png
import java.awt.*;
import java.awt.geom.*;
import java.awt.image.BufferedImage;
import javax.imageio.ImageIO;
import java.io.File;

public class DrawIcon {
    public static void main(String[] a) throws Exception {
        int n = 256;
        BufferedImage img = new BufferedImage(n, n, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(0x1E, 0x4F, 0xA8), 0, n, new Color(0x12, 0x2E, 0x66)));
        g.fill(new RoundRectangle2D.Double(8, 8, n - 16, n - 16, 56, 56));
        // three rising bars: a cap table / venture growing
        g.setColor(new Color(0xFF, 0xFF, 0xFF, 60));
        int[] h = {60, 100, 140};
        for (int i = 0; i < 3; i++) {
            g.fill(new RoundRectangle2D.Double(44 + i * 62, 212 - h[i], 44, h[i], 10, 10));
        }
        // a check mark: verified, audited
        g.setColor(new Color(0x4A, 0xDE, 0x80));
        g.setStroke(new BasicStroke(22, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D check = new Path2D.Double();
        check.moveTo(70, 128); check.lineTo(112, 170); check.lineTo(190, 80);
        g.draw(check);
        g.dispose();
        ImageIO.write(img, "png", new File(a[0]));
    }
}
