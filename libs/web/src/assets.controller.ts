import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { STYLESHEET } from './layout';
import { PublicRoute } from './public-route';

@ApiExcludeController()
@PublicRoute()
@Controller('assets')
export class AssetsController {
  @Get('dialogdag.css')
  @Header('Content-Type', 'text/css; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  stylesheet(): string {
    return STYLESHEET;
  }
}
