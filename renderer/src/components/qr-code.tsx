import { renderSVG } from 'uqr';

/** A QR code the visitor scans with their phone (forms to download, tracking links). */
export function QrCode(props: { data: string; label: string; size?: number }) {
  const svg = renderSVG(props.data, { border: 2, ecc: 'M' });
  const size = props.size ?? 168;
  return (
    <figure class="qr">
      <img src={`data:image/svg+xml;utf8,${encodeURIComponent(svg)}`} width={size} height={size} alt={props.label} />
      <figcaption>{props.label}</figcaption>
    </figure>
  );
}
