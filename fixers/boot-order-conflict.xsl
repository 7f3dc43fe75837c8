<?xml version="1.0"?>
<!-- boot-order-conflict: remove the <boot dev> elements from <os> (offered
     only when devices carry their own <boot order>).
     Parameters: targets (the first <os><boot>; unused: every <os><boot>
     goes). -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix"
                exclude-result-prefixes="vl">
  <xsl:param name="targets"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/os/boot"/>
</xsl:stylesheet>
