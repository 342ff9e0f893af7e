import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PublicRoute } from '@dialogdag/auth';

/**
 * Scanning at the door with the phone's camera, where the browser has `BarcodeDetector`: a button
 * next to the code field starts the camera, and a QR code found fills the field and sends the form.
 * Without the API, without a camera or without JavaScript the page is as before: type the code,
 * search, tap. Served from our own origin, as the CSP allows only our scripts.
 */
export const CHECK_IN_SCANNER = `(function () {
  'use strict';
  var form = document.getElementById('scan-form');
  if (!form || !('BarcodeDetector' in window) || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) return;
  var input = form.querySelector('input[name="code"]');
  var status = document.getElementById('scan-status');
  var button = document.createElement('button');
  button.type = 'button';
  button.className = 'secondary';
  button.id = 'scan-button';
  button.textContent = form.getAttribute('data-scan-label');
  var video = document.createElement('video');
  video.setAttribute('playsinline', '');
  video.muted = true;
  video.hidden = true;
  video.style.width = '100%';
  video.style.maxWidth = '24rem';
  form.appendChild(button);
  form.appendChild(video);
  var stream = null;
  function say(text) { if (status) status.textContent = text || ''; }
  function stop() {
    if (stream) stream.getTracks().forEach(function (track) { track.stop(); });
    stream = null;
    video.hidden = true;
  }
  button.addEventListener('click', function () {
    if (stream) return;
    var detector;
    try { detector = new window.BarcodeDetector({ formats: ['qr_code'] }); } catch (e) { say(form.getAttribute('data-scan-stopped')); return; }
    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }).then(function (s) {
      stream = s;
      video.srcObject = s;
      video.hidden = false;
      say(form.getAttribute('data-scanning'));
      return video.play();
    }).then(function look() {
      if (!stream) return;
      detector.detect(video).then(function (codes) {
        if (codes.length > 0 && codes[0].rawValue) {
          input.value = codes[0].rawValue;
          stop();
          form.submit();
        } else {
          setTimeout(look, 200);
        }
      }, function () { setTimeout(look, 200); });
    }).catch(function () { stop(); say(form.getAttribute('data-scan-stopped')); });
  });
})();
`;

@ApiExcludeController()
@PublicRoute()
@Controller('assets')
export class CheckInScannerAsset {
  @Get('check-in-scanner.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  script(): string {
    return CHECK_IN_SCANNER;
  }
}
