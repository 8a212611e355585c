import { Controller, Get, Header } from '@nestjs/common';
import { docsPage, OPENAPI } from './openapi.js';

@Controller('api/docs')
export class DocsController {
  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  page(): string {
    return docsPage();
  }

  @Get('openapi.json')
  document(): typeof OPENAPI {
    return OPENAPI;
  }
}
